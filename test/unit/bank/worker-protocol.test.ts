import assert from 'node:assert/strict';
import { repliedLines, type WorkerReply } from '../../../src/bank/worker-protocol';

async function collect(gen: AsyncGenerator<string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of gen) lines.push(line);
  return lines;
}

describe('the lines a parser thread replies', () => {
  it('come in order, as they arrive, until done; a failure after done is not one', async () => {
    const lines = await collect(
      repliedLines((reply, fail) => {
        reply({ line: 'a' });
        setTimeout(() => {
          reply({ line: 'b' });
          reply({ done: true });
          fail(new Error('the thread stopped afterwards'));
        }, 5);
        return () => undefined;
      }),
    );
    assert.deepEqual(lines, ['a', 'b']);
  });

  it('throw the thread’s error, or its failure once the lines before it are taken', async () => {
    await assert.rejects(
      collect(repliedLines((reply) => (setTimeout(() => reply({ error: 'line 3: bad' } as WorkerReply), 1), () => undefined))),
      /line 3: bad/,
    );
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const line of repliedLines(
          (reply, fail) => (reply({ line: 'x' }), fail(new Error('stopped (code 1)')), () => undefined),
        ))
          seen.push(line);
      })(),
      /stopped \(code 1\)/,
    );
    assert.deepEqual(seen, ['x']);
  });

  it('ask for a line each time one arrives, so the thread never sends them all at once', async () => {
    const lines = ['h', 'q1', 'q2', 'q3'];
    let asked = 0;
    let reply: (m: WorkerReply) => void = () => undefined;
    const got = await collect(
      repliedLines((r) => {
        reply = r;
        setTimeout(() => reply({ line: lines[0] }), 1);
        return () => {
          asked++;
          // A thread answers an ask with the next line, or done after the last.
          setTimeout(() => reply(asked < lines.length ? { line: lines[asked] } : { done: true }), 1);
        };
      }),
    );
    assert.deepEqual(got, lines);
    assert.equal(asked, lines.length, 'one ask per line: the last asks for what turns out to be done');
  });
});
