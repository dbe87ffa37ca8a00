/** The benchmark's generated CEN stacks (bench/cenProgram.ts) stay valid as the components' rules grow. */
import * as assert from "node:assert/strict";
import { BENCH_REGIONS, benchZone } from "../bench/cenProgram";
import { checkZone } from "../components/alicloud/regions";
import { Problems } from "../components/errors";

describe("the benchmark's generated stacks", () => {
    it("place every vSwitch in a zone its region has (a bench run failed on cn-qingdao-a)", () => {
        const problems = new Problems();
        for (const region of BENCH_REGIONS) {
            for (const n of [0, 1]) checkZone(problems, `${region}[${n}]`, benchZone(region, n), region);
        }
        assert.deepEqual(problems.list, []);
    });
});
