/**
 * Multi-word lexicon entries whose inner words inflect ("Саудовск* Арави*" → Саудовской Аравии,
 * "groupe* armé*" → groupes armés): a trie matches fixed prefixes only, so every `*` but the last
 * is expanded into the language's endings; a trailing `*` stays a stem for the matcher.
 */
const INNER_ENDINGS: Record<string, string[]> = {
  ru: ['ая', 'ой', 'ую', 'ые', 'ых', 'ым', 'ыми', 'ий', 'ого', 'ому', 'ом', 'ое', 'ие', 'их', 'им', 'ими', 'ей', 'ее', 'ы', 'ов', 'ам', 'ах', 'а', 'е', 'у', 'и', 'ья', 'ьи', 'ью', ''],
  pl: ['a', 'i', 'ej', 'iej', 'ą', 'ę', 'y', 'e', 'ich', 'im', 'imi', 'ym', 'ymi', 'ie', 'ii', 'u', 'em', 'om', 'ach', 'ami', 'ów', 'o', 'iego', 'ego', 'ych', ''],
  romance: ['', 's', 'e', 'es', 'a', 'as', 'o', 'os', 'i'],
};

/** The forms of one entry: inner stems expanded, and whether the last word is a stem. */
export function expandInnerStems(lang: string, raw: string): Array<{ form: string; stem: boolean }> {
  const endings = INNER_ENDINGS[lang] ?? INNER_ENDINGS.romance;
  const words = raw.split(' ').filter(Boolean);
  let forms = [''];
  words.forEach((w, i) => {
    const last = i === words.length - 1;
    const sep = i === 0 ? '' : ' ';
    const base = w.endsWith('*') ? w.slice(0, -1) : w;
    if (w.endsWith('*') && !last) forms = forms.flatMap((f) => endings.map((e) => f + sep + base + e));
    else forms = forms.map((f) => f + sep + base);
  });
  const stem = raw.endsWith('*');
  return [...new Set(forms)].map((form) => ({ form, stem }));
}

/**
 * Case endings a short country stem may take in Polish and Russian (folded: й → и). A stem of five
 * letters or fewer ("Dani*" of Dania, "Само*" of Самоа, "Kong*" of Kongo) takes only these, so that
 * "Daniel", "Samochód", "Kongres" and "Самолёт" are no country; a longer stem takes any short ending.
 */
const SHORT_STEM_ENDINGS: Record<string, Set<string>> = {
  pl: new Set([...INNER_ENDINGS.pl, 'ą', 'ę', 'ach', 'ami', 'om', 'owi', 'zech', 'ech', 'ów', 'ii', 'ią', 'ię']),
  ru: new Set([...INNER_ENDINGS.ru, 'я', 'ю', 'ия', 'ии', 'ию', 'иеи', 'еи', 'ою', 'еи', 'ою', 'ею', 'ем', 'ь', 'ев', 'ева', 'еве', 'евом', 'ами', 'ями', 'ях', 'ям', 'ои', 'ии', 'ыи'].map((e) => e.replace(/й/g, 'и'))),
};
export const SHORT_STEM = 5;

/** False when a short stem's ending (folded) is not a case ending of the language. */
export function shortStemEndingOk(lang: string | undefined, stemLength: number, ending: string): boolean {
  if (stemLength > SHORT_STEM || !lang) return true;
  const endings = SHORT_STEM_ENDINGS[lang];
  return !endings || endings.has(ending);
}

