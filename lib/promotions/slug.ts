// Readable URL slugs from titles in any script the product's marketers write in. Slugs stay ASCII
// (lowercase letters, digits, single dashes: the admin API's slug rule), so every client, log, CSV
// and CDN handles them alike: Latin letters lose their accents, Hangul is romanized by the
// Revised Romanization of Korean (syllable by syllable, a final consonant read as the next
// syllable's initial before a silent ㅇ, ㄹㄹ as "ll": 봄맞이 특가 -> "bommaji-teukga"). A title with nothing
// left to romanize (other scripts, symbols only) gets no slug of its own; the caller then uses a
// unique random one rather than a placeholder every such title would share.

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
const MEDIALS = [
  "a",
  "ae",
  "ya",
  "yae",
  "eo",
  "e",
  "yeo",
  "ye",
  "o",
  "wa",
  "wae",
  "oe",
  "yo",
  "u",
  "wo",
  "we",
  "wi",
  "yu",
  "eu",
  "ui",
  "i",
];
// A final consonant at the end of a word or before a consonant ...
const FINALS = [
  "",
  "k",
  "k",
  "k",
  "n",
  "n",
  "n",
  "t",
  "l",
  "k",
  "m",
  "l",
  "l",
  "l",
  "p",
  "l",
  "m",
  "p",
  "p",
  "t",
  "t",
  "ng",
  "t",
  "t",
  "k",
  "t",
  "p",
  "t",
];
// ... and carried over as the next syllable's sound before a silent initial ㅇ.
const FINALS_BEFORE_VOWEL = [
  "",
  "g",
  "kk",
  "ks",
  "n",
  "nj",
  "n",
  "d",
  "r",
  "lg",
  "lm",
  "lb",
  "ls",
  "lt",
  "lp",
  "r",
  "m",
  "b",
  "ps",
  "s",
  "ss",
  "ng",
  "j",
  "ch",
  "k",
  "t",
  "p",
  "",
];
const SILENT_INITIAL = 11; // ㅇ
const RIEUL_INITIAL = 5; // ㄹ
const RIEUL_FINAL = 8;

const isHangulSyllable = (code: number) => code >= HANGUL_FIRST && code <= HANGUL_LAST;

/** The Revised Romanization of every Hangul syllable in `text`; other characters are kept. */
export function romanizeHangul(text: string): string {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  return codes
    .map((code, i) => {
      if (!isHangulSyllable(code)) return String.fromCodePoint(code);
      const index = code - HANGUL_FIRST;
      const initial = Math.floor(index / 588);
      const medial = Math.floor((index % 588) / 28);
      const final = index % 28;
      const next = codes[i + 1];
      const beforeVowel =
        next !== undefined && isHangulSyllable(next) && Math.floor((next - HANGUL_FIRST) / 588) === SILENT_INITIAL;
      const previous = codes[i - 1];
      // ㄹㄹ reads "ll" (블랙 -> beullaek), not "lr".
      const afterRieul = previous !== undefined && isHangulSyllable(previous) && (previous - HANGUL_FIRST) % 28 === RIEUL_FINAL;
      const sound = initial === RIEUL_INITIAL && afterRieul ? "l" : INITIALS[initial];
      return sound + MEDIALS[medial] + (beforeVowel ? FINALS_BEFORE_VOWEL[final] : FINALS[final]);
    })
    .join("");
}

/** The slug a title reads as, or "" when nothing in it can be written in ASCII letters. */
export function slugify(title: string): string {
  return romanizeHangul(title.normalize("NFC"))
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}
