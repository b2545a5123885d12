import { describe, expect, it } from "vitest";
import { GitSlots } from "../../src/app/scan.js";

// The git processes of a workspace scan share the cores through GitSlots (src/app/scan.ts).
describe("GitSlots", () => {
  const deferred = () => {
    let settle!: (ok: boolean) => void;
    const promise = new Promise<void>((resolve, reject) => {
      settle = (ok) => (ok ? resolve() : reject(new Error("git failed")));
    });
    return { promise, settle };
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it("runs at most its size at once, in the order given, and a failed task gives its slot back", async () => {
    const slots = new GitSlots(2);
    const started: number[] = [];
    const tasks = Array.from({ length: 5 }, () => deferred());
    for (const [index, task] of tasks.entries())
      slots.take(() => {
        started.push(index);
        return task.promise;
      });
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
    const slots = new GitSlots(0);
    let ran = false;
    slots.take(async () => {
      ran = true;
    });
    await tick();
    expect(ran).toBe(true);
  });
});
