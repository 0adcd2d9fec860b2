// The goals of one benchmark: each printed as PASS or FAIL, the misses counted for `npm run bench`.
export function createGoals() {
  const results = {goalsFailed: 0};
  const goal = (description, met) => {
    if (!met) results.goalsFailed++;
    console.log(`${met ? 'PASS' : 'FAIL'} ${description}`);
  };
  return {results, goal};
}
