import { describe, expect, it } from "vitest";
import { gitSlots } from "../../src/app/scan.js";

// The git processes of a workspace scan share the cores through gitSlots (src/app/scan.ts).
describe("gitSlots", () => {
  const deferred = () => {
    let settle!: (ok: boolean) => void;
    const promise = new Promise<void>((resolve, reject) => {
      settle = (ok) => (ok ? resolve() : reject(new Error("git failed")));
    });
    return { promise, settle };
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it("runs at most its size at once, in the order given, and a failed task gives its slot back", async () => {
    const slots = gitSlots(2);
    const started: number[] = [];
    const tasks = Array.from({ length: 5 }, () => deferred());
    for (const [index, task] of tasks.entries())
      slots(() => {
        started.push(index);
        return task.promise;
      }).catch(() => undefined);
    await tick();
    expect(started).toEqual([0, 1]);
    tasks[1]!.settle(false); // a failure frees its slot too
    await tick();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]!.settle(true);
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    tasks[3]!.settle(true);
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("has at least one slot", async () => {
    const slots = gitSlots(0);
    let ran = false;
    void slots(async () => {
      ran = true;
    });
    await tick();
    expect(ran).toBe(true);
  });
});
