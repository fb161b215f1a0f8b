// Free text as the terms a search matches: the characters query parsers
// treat as operators are read as spaces, so user input is only ever data, and
// text made only of them has no term at all.

// The simple parser's operators: + (and), - (not), | (or), "phrase", prefix*, ( ), ~fuzzy, \escape.
const SIMPLE_OPERATORS = /[+\-|"*()~\\]/g;

/** Free text as plain terms for the simple parser; every term must match (defaultOperator and). */
export function simpleQueryOf(text: string): string {
  return text.replace(SIMPLE_OPERATORS, ' ').replace(/\s+/g, ' ').trim();
}
