import { describe, expect, it } from 'vitest';
import { initialCallState, mergeLines, reduceCall } from './callState';
import type { TranscriptLine } from './types';

const line = (segmentId: string, text: string, extra: Partial<TranscriptLine> = {}): TranscriptLine =>
  ({ segmentId, speaker: 'CUSTOMER', text, partial: false, ...extra });

describe('the live transcript', () => {
  it('replaces the partials of an utterance with its final (Contact Lens: TranscriptId is the final\'s Id)', () => {
    let lines = mergeLines([], [line('u-1', 'the water heater', { partial: true, transcriptId: 't-9', beginOffsetMillis: 41000 })]);
    lines = mergeLines(lines, [line('u-2', 'the water heater is leaking', { partial: true, transcriptId: 't-9', beginOffsetMillis: 41000 })]);
    expect(lines.map((l) => l.text)).toEqual(['the water heater is leaking']);
    lines = mergeLines(lines, [line('t-9', 'The water heater is leaking. Is that covered?', { beginOffsetMillis: 41000, sentiment: 'NEGATIVE' })]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ partial: false, sentiment: 'NEGATIVE' });
    // A partial arriving late does not bring the old words back.
    lines = mergeLines(lines, [line('u-3', 'the water', { partial: true, transcriptId: 't-9' })]);
    expect(lines).toHaveLength(1);
  });

  it('stores a reposted segment once and orders lines by offset', () => {
    let lines = mergeLines([], [line('b', 'second', { beginOffsetMillis: 2000, speaker: 'AGENT' })]);
    lines = mergeLines(lines, [line('a', 'first', { beginOffsetMillis: 1000 }), line('b', 'second', { beginOffsetMillis: 2000, speaker: 'AGENT' })]);
    expect(lines.map((l) => l.segmentId)).toEqual(['a', 'b']);
  });

  it('reads a transcript_update with one line or many, the customer and the cards', () => {
    let s = reduceCall(initialCallState, { type: 'transcript_update', sessionId: 'c', line: line('s1', 'hello') });
    s = reduceCall(s, { type: 'transcript_update', sessionId: 'c', lines: [line('s2', 'my dishwasher', { beginOffsetMillis: 5 })] });
    expect(s.lines.map((l) => l.segmentId).sort()).toEqual(['s1', 's2']);
    s = reduceCall(s, { type: 'customer_update', sessionId: 'c', phone: '+14155550101', found: false, customer: null });
    expect(s.customer).toEqual({ phone: '+14155550101', found: false, customer: null });
    s = reduceCall(s, { type: 'suggestion_update', sessionId: 'c', intent: 'PROBLEM', cards: [{ cardId: 'k', decision: 'YES', script: 's', evidence: [] }] });
    expect(s.cards).toHaveLength(1);
    expect(s.intent).toBe('PROBLEM');
  });
});
