// Two places where remark's parser does more work than it needs on a large bank, rewritten at
// build time. Each gives the same tree (test/unit/bank/read-markdown-speed.test.ts compares the
// build's parse with the packages' own on every bank fixture). If a package changes the lines a
// patch replaces, the build fails rather than silently losing the fix.
import { readFile } from 'node:fs/promises';

const PATCHES = [
  {
    // micromark's document tokenizer moves a closed container's exit events with an EditMap,
    // which copies the whole event list each time: one copy per list item that ends, so a
    // document of many list items parses in time that grows with its square (the 514 KB React
    // bank: a fifth of its parse). Two splices near the end of the list move the same few
    // events into the same place, shifting only what lies between.
    file: /[\\/]micromark[\\/]lib[\\/]initialize[\\/]document\.js$/,
    times: 2,
    find: `      const editMap = new EditMap();
      // Inject the exits earlier (they’re still also at the end).
      editMap.add(indexBeforeFlow + 1, 0, self.events.slice(indexBeforeExits));
      // Discard the duplicate exits.
      editMap.add(indexBeforeExits, index - indexBeforeExits, []);
      editMap.consume(self.events);`,
    replace: `      // Move the exits (at the end) to just after the flow, shifting only what lies between.
      const exits = self.events.splice(indexBeforeExits, index - indexBeforeExits);
      self.events.splice(indexBeforeFlow + 1, 0, ...exits);`,
  },
  {
    // mdast-util-from-markdown copies its nine-field context for every event it hands to a
    // handler, only to set the event's sliceSerialize: a million short-lived objects for a large
    // bank. Handlers use the context only during the call, so setting the field on the one
    // context does the same.
    file: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/,
    times: 1,
    find: `        // Note: spread first, V8 has optimizations for object shape cloning.
        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);`,
    replace: `        context.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(context, events[index][1]);`,
  },
];

export const markdownSpeed = {
  name: 'markdown-parse-speed',
  setup(b) {
    for (const { file, times, find, replace } of PATCHES) {
      b.onLoad({ filter: file }, async (args) => {
        const parts = (await readFile(args.path, 'utf8')).split(find);
        if (parts.length - 1 !== times)
          throw new Error(`scripts/markdown-speed.mjs: expected ${times} of its lines in ${args.path}, found ${parts.length - 1}`);
        return { contents: parts.join(replace), loader: 'js' };
      });
    }
  },
};
