/**
 * Every language has exactly the keys of the English catalogue, every message parses as ICU
 * MessageFormat, uses the same placeholders and tags as English, and Latvian plurals name the
 * zero, one and other forms.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';
import { it as italian } from './messages/it.ts';
import { lv } from './messages/lv.ts';

const catalogues: Record<string, Record<string, string>> = { en, lv, fr, it: italian };
const englishKeys = Object.keys(en).sort();

type MessageFormatElement = ReturnType<IntlMessageFormat['getAst']>[number];

// The ICU parser's element kinds (@formatjs/icu-messageformat-parser TYPE).
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

function parse(message: string, locale = 'en'): MessageFormatElement[] {
  return new IntlMessageFormat(message, locale).getAst();
}

interface Shape {
  readonly names: Set<string>;
  readonly plurals: string[][];
}

/** Names of arguments and tags a message uses, and the plural categories of each plural argument. */
function shapeOf(elements: MessageFormatElement[], shape: Shape = { names: new Set(), plurals: [] }): Shape {
  for (const element of elements) {
    if ([ARGUMENT, NUMBER, DATE, TIME].includes(element.type) && 'value' in element) {
      shape.names.add(String(element.value));
    } else if ((element.type === PLURAL || element.type === SELECT) && 'options' in element) {
      shape.names.add(String(element.value));
      if (element.type === PLURAL) shape.plurals.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) shapeOf(option.value, shape);
    } else if (element.type === TAG && 'children' in element) {
      shape.names.add(`<${element.value}>`);
      shapeOf(element.children, shape);
    }
  }
  return shape;
}

describe('web messages', () => {
  for (const [language, messages] of Object.entries(catalogues)) {
    describe(language, () => {
      it('has exactly the keys of the English catalogue', () => {
        const keys = Object.keys(messages).sort();
        expect(
          keys.filter((key) => !(key in en)),
          'extra keys',
        ).toEqual([]);
        expect(
          englishKeys.filter((key) => !(key in messages)),
          'missing keys',
        ).toEqual([]);
      });

      it('has only messages that parse as ICU MessageFormat, with the same arguments as English', () => {
        for (const [key, message] of Object.entries(messages)) {
          expect(message.trim(), `${language} ${key} is empty`).not.toBe('');
          let elements: MessageFormatElement[] = [];
          expect(() => {
            elements = parse(message, language);
          }, `${language} ${key} does not parse`).not.toThrow();
          const english = shapeOf(parse(en[key as keyof typeof en]));
          expect([...shapeOf(elements).names].sort(), `${language} ${key} arguments`).toEqual(
            [...english.names].sort(),
          );
        }
      });
    });
  }

  it('gives every Latvian plural the zero, one and other forms', () => {
    for (const [key, message] of Object.entries(lv)) {
      for (const categories of shapeOf(parse(message)).plurals) {
        for (const category of ['zero', 'one', 'other']) {
          expect(categories, `lv ${key} lacks "${category}"`).toContain(category);
        }
      }
    }
  });

  it('says Latvian counts with the right form: 1 and 21 one, 10 and 11 zero, 2 and 22 other', () => {
    const format = (count: number) =>
      new IntlMessageFormat(lv['cluster.memberCount'], 'lv').format({ count });
    expect(format(0)).toBe('Biedru organizāciju vēl nav');
    expect(format(1)).toBe('1 biedru organizācija');
    expect(format(21)).toBe('21 biedru organizācija');
    expect(format(10)).toBe('10 biedru organizāciju');
    expect(format(11)).toBe('11 biedru organizāciju');
    expect(format(2)).toBe('2 biedru organizācijas');
    expect(format(22)).toBe('22 biedru organizācijas');
  });
});
