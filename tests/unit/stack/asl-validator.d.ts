// asl-validator ships no types; this is the part of its API the tests use.
declare module 'asl-validator' {
  interface AslValidatorResult {
    isValid: boolean;
    errors: unknown[];
  }
  export default function aslValidator(definition: unknown): AslValidatorResult;
}
