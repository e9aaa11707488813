/**
 * Cells that never break a word: Backstage's theme breaks long words anywhere, which squeezes a
 * column on a narrow screen until its words run down in pieces. The table scrolls instead.
 */
export const wholeWords = { wordBreak: 'normal' } as const;
