import { describe, expect, it } from 'vitest';
import { foldText, wordTokens } from '../../../shared/text';

describe('foldText', () => {
  it('removes accents and case', () => {
    expect(foldText('Zoë ÑOÑO')).toBe('zoe nono');
    expect(foldText('Zoë  Ñoño')).toBe('zoe nono');
    expect(foldText('ÉLODIE Çelik')).toBe('elodie celik');
  });

  it('collapses and trims whitespace', () => {
    expect(foldText('  Siti \t Nurhaliza \n')).toBe('siti nurhaliza');
  });

  it('folds full-width characters', () => {
    expect(foldText('ＳＩＴＩ　１２')).toBe('siti 12');
  });

  it('makes differently typed forms of a name equal', () => {
    expect(foldText('Zoë')).toBe(foldText('ZOE'));
    // Precomposed vs decomposed "é".
    expect(foldText('Andr\u00e9')).toBe(foldText('Andre\u0301'));
  });
});

describe('wordTokens', () => {
  it('splits a name into folded words', () => {
    expect(wordTokens('Siti Nurhaliza')).toEqual(['siti', 'nurhaliza']);
    expect(wordTokens('Budi-Santoso, S.Kom')).toContain('budi');
    expect(wordTokens('Budi-Santoso, S.Kom')).toContain('santoso');
    expect(wordTokens('Zoë ÑOÑO')).toEqual(['zoe', 'nono']);
  });

  it('drops apostrophes instead of splitting on them', () => {
    expect(wordTokens("Siti Nur'aini")).toEqual(['siti', 'nuraini']);
    expect(wordTokens('O’Brien')).toEqual(['obrien']);
    expect(wordTokens('Ma`ruf')).toEqual(['maruf']);
  });

  it('dedupes words', () => {
    expect(wordTokens('Siti siti SITI Síti')).toEqual(['siti']);
    expect(wordTokens('Ahmad bin Ahmad')).toEqual(['ahmad', 'bin']);
  });

  it('is empty for blank text', () => {
    expect(wordTokens('')).toEqual([]);
    expect(wordTokens('  - , ')).toEqual([]);
  });
});
