import {translate} from '@docusaurus/Translate';
import {ProtocolError} from '@site/src/protocol';
import type {InputProblem} from './parseInput';

/**
 * What is wrong with an input, in words, starting with the field's name: "Source IP: part 2
 * ("300") is not a number from 0 to 255."
 */
export function problemMessage(field: string, problem: InputProblem): string {
  const values = {field};
  switch (problem.kind) {
    case 'empty':
      return translate({id: 'lab.input.empty', message: '{field}: this field is empty.'}, values);
    case 'hexCharacter':
      return translate(
        {id: 'lab.input.hexCharacter', message: '{field}: character {position} ({character}) is not a hex digit. Use 0-9 and a-f; spaces and colons between bytes are fine.'},
        {...values, position: problem.position, character: JSON.stringify(problem.character)},
      );
    case 'oddHexDigits':
      return translate(
        {id: 'lab.input.oddHexDigits', message: '{field}: the digit at character {position} has no partner. Each byte takes two hex digits.'},
        {...values, position: problem.position},
      );
    case 'tooLong':
      return translate(
        {id: 'lab.input.tooLong', message: '{field}: {length} bytes is more than this widget takes ({maximum} at most).'},
        {...values, length: problem.length, maximum: problem.maximum},
      );
    case 'tooShort':
      return translate(
        {id: 'lab.input.tooShort', message: '{field}: {length} bytes is too short; it needs at least {minimum}.'},
        {...values, length: problem.length, minimum: problem.minimum},
      );
    case 'ipv4Parts':
      return translate(
        {id: 'lab.input.ipv4Parts', message: '{field}: an IPv4 address has 4 numbers separated by dots, such as 24.98.66.80; found {count} parts.'},
        {...values, count: problem.count},
      );
    case 'ipv4Part':
      return translate(
        {id: 'lab.input.ipv4Part', message: '{field}: part {part} ({text}) is not a number from 0 to 255 written without leading zeros.'},
        {...values, part: problem.part, text: JSON.stringify(problem.text)},
      );
    case 'number':
      return translate(
        {id: 'lab.input.number', message: '{field}: {text} is not a whole number. Write it in decimal (32590) or in hex with 0x (0x7f4e).'},
        {...values, text: JSON.stringify(problem.text)},
      );
    case 'range':
      return translate(
        {id: 'lab.input.range', message: '{field}: {text} is too big; this field holds 0 to {maximum} (0x{maximumHex}).'},
        {...values, text: problem.text, maximum: problem.maximum, maximumHex: problem.maximum.toString(16)},
      );
  }
}

/**
 * A protocol library error, for an alert: the library's own message (English, since it comes from
 * the library that live code also uses), after the name of what was being done.
 */
export function protocolErrorMessage(what: string, error: ProtocolError): string {
  return translate({id: 'lab.input.protocolError', message: '{what}: {message}.'}, {what, message: error.message});
}
