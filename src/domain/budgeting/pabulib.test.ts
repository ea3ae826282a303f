import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PABULIB_DIR, sharedPabulibFiles } from '../../../test/support/shared-data.ts';
import { officialSelection, PbFormatError, parsePb, writePb } from './pabulib.ts';
import { rational } from './rational.ts';

const sharedFiles = sharedPabulibFiles();

const SMALL = `META
key;value
description;Small test
budget;100
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes;name;selected
p1;60;2;"Park; with benches";1
p2;50;2;"The ""big"" one";0
VOTES
voter_id;vote;age
v1;p1,p2;30
v2;p1;41
v3;p2;
`;

/** The small file with one line replaced (1-based), to aim an error at a known line. */
const withLine = (line: number, text: string) => {
  const lines = SMALL.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
};

const errorOf = (text: string): PbFormatError => {
  try {
    parsePb(text);
  } catch (error) {
    if (error instanceof PbFormatError) return error;
    throw error;
  }
  throw new Error('expected a PbFormatError');
};

describe('reading .pb files', () => {
  it('reads META, PROJECTS and VOTES with quoted fields and keeps every extra column', () => {
    const file = parsePb(SMALL);
    expect(file.meta.get('budget')).toBe('100');
    expect(file.meta.get('rule')).toBe('greedy');
    expect(file.projects.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(file.projects[0]?.cost).toEqual(rational(60n));
    expect(file.projects[0]?.fields.name).toBe('Park; with benches');
    expect(file.projects[1]?.fields.name).toBe('The "big" one');
    expect(file.votes.map((v) => v.projectIds)).toEqual([['p1', 'p2'], ['p1'], ['p2']]);
    expect(file.votes[2]?.fields).toEqual({ age: '' });
    expect(officialSelection(file)).toEqual(['p1']);
  });

  it('reads CRLF line endings and a byte-order mark like LF', () => {
    const crlf = `\uFEFF${SMALL.replaceAll('\n', '\r\n')}`;
    expect(parsePb(crlf)).toEqual(parsePb(SMALL));
  });

  it('reads cumulative ballots with their points', () => {
    const text = SMALL.replace('vote_type;approval', 'vote_type;cumulative')
      .replace('voter_id;vote;age', 'voter_id;vote;points')
      .replace('v1;p1,p2;30', 'v1;p1,p2;3,2')
      .replace('v2;p1;41', 'v2;p1;5')
      .replace('v3;p2;', 'v3;p2;1.5');
    const file = parsePb(text);
    expect(file.votes.map((v) => v.points)).toEqual([
      [rational(3n), rational(2n)],
      [rational(5n)],
      [rational(3n, 2n)],
    ]);
  });

  it('names the line and a stable code for each kind of malformed file', () => {
    const cases: [string, string, number][] = [
      [withLine(15, 'v3;p9;'), 'pb.unknown_project', 15],
      [withLine(10, 'p2;fifty;2;x;0'), 'pb.cost_not_number', 10],
      [withLine(10, 'p2;-5;2;x;0'), 'pb.cost_negative', 10],
      [withLine(10, 'p1;50;2;x;0'), 'pb.duplicate_project', 10],
      [withLine(8, 'project_id;price;votes;name;selected'), 'pb.missing_column', 8],
      [withLine(12, 'voter_id;ballot;age'), 'pb.missing_column', 12],
      [withLine(10, 'p2;50;2;x'), 'pb.column_count', 10],
      [withLine(9, 'p1;60;2;"Park;1'), 'pb.unclosed_quote', 9],
      [withLine(4, 'budget;a lot'), 'pb.budget_not_number', 4],
      [withLine(5, 'vote_type;preferential'), 'pb.unknown_vote_type', 5],
      [withLine(6, 'budget;200'), 'pb.duplicate_meta_key', 6],
      [withLine(14, 'v1;p1;50'), 'pb.duplicate_voter', 14],
      [withLine(14, 'v2;p1,p1;41'), 'pb.duplicate_vote_project', 14],
      [withLine(1, 'Title'), 'pb.text_outside_section', 1],
      [withLine(12, 'PROJECTS'), 'pb.section_order', 12],
    ];
    for (const [text, code, line] of cases) {
      const error = errorOf(text);
      expect({ code: error.code, line: error.line }).toEqual({ code, line });
      expect(error.message).toMatch(new RegExp(`^line ${line}: `));
    }
  });

  it('reports a missing section at the end of the file', () => {
    const error = errorOf(SMALL.slice(0, SMALL.indexOf('VOTES')));
    expect({ code: error.code, line: error.line }).toEqual({ code: 'pb.missing_section', line: 10 });
    expect(error.message).toContain('VOTES');
  });

  it('requires a budget and a vote type, naming the META header', () => {
    const error = errorOf(withLine(4, 'currency;PLN'));
    expect({ code: error.code, line: error.line }).toEqual({ code: 'pb.missing_meta', line: 2 });
  });

  it('requires points that match the vote for cumulative ballots', () => {
    const text = SMALL.replace('vote_type;approval', 'vote_type;cumulative')
      .replace('voter_id;vote;age', 'voter_id;vote;points')
      .replace('v1;p1,p2;30', 'v1;p1,p2;3');
    expect({ code: errorOf(text).code, line: errorOf(text).line }).toEqual({
      code: 'pb.points_mismatch',
      line: 13,
    });
    expect(errorOf(text.replace('v1;p1,p2;3', 'v1;p1,p2;3,x')).code).toBe('pb.points_not_number');
  });
});

describe('writing .pb files', () => {
  it('quotes what needs quoting and parses back to the same value', () => {
    const text = writePb(parsePb(SMALL));
    expect(text).toContain('p1;60;2;"Park; with benches";1');
    expect(text).toContain('p2;50;2;"The ""big"" one";0');
    expect(parsePb(text)).toEqual(parsePb(SMALL));
    expect(parsePb(writePb(parsePb(SMALL), '\r\n'))).toEqual(parsePb(SMALL));
  });

  it('writes decimal costs and points exactly', () => {
    const file = parsePb(SMALL.replace('p1;60;', 'p1;60.25;'));
    expect(writePb(file)).toContain('p1;60.25;');
  });
});

describe('the Pabulib files in ../shared/data/pabulib', () => {
  it.each(sharedFiles)('%s parses, and writing it parses back to the same value', (name) => {
    const file = parsePb(readFileSync(path.join(PABULIB_DIR, name), 'utf8'));
    expect(file.projects.length).toBe(Number(file.meta.get('num_projects')));
    expect(file.votes.length).toBe(Number(file.meta.get('num_votes')));
    // Node's deep equality: the same judgement as toEqual, fast enough for 90,000 votes.
    expect(isDeepStrictEqual(parsePb(writePb(file)), file)).toBe(true);
  });
});
