// vercel.json must deploy on every Vercel plan: Hobby refuses a project whose crons run more than
// once a day ("Hobby accounts are limited to daily cron jobs"), and allows at most two.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

type Cron = { path: string; schedule: string };
const { crons } = JSON.parse(fs.readFileSync("vercel.json", "utf8")) as { crons: Cron[] };

describe("vercel.json crons", () => {
  it("call the cron routes, at most two of them", () => {
    expect(crons.map((cron) => cron.path).sort()).toEqual(["/api/cron/alerts", "/api/cron/sync"]);
    expect(crons.length).toBeLessThanOrEqual(2);
  });

  it.each(crons)("$path runs at most once a day ($schedule)", ({ schedule }) => {
    const [minute, hour, ...rest] = schedule.split(/\s+/);
    expect(rest).toHaveLength(3);
    // One fixed minute of one fixed hour: anything else (*/5, 0,30, 1-3) runs more often.
    expect(minute).toMatch(/^\d{1,2}$/);
    expect(hour).toMatch(/^\d{1,2}$/);
  });
});
