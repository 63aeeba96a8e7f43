// The conduct questionnaire's codes are the shared one-time codes (../codes/one-time-code.ts).
export {
  CODE_ALPHABET,
  CODE_LENGTH,
  hashOneTimeCode as hashConductCode,
  newOneTimeCode as newConductCode,
  normalizeOneTimeCode as normalizeConductCode,
} from "../codes/one-time-code";
