// Times the benchmark cases in feelin under Node. feelin parses on every evaluate() call (names with spaces
// depend on the variables), so its figure is parse + evaluate. Prints one JSON object: name -> ns per call.
import { readFileSync } from 'node:fs';
import { evaluate } from 'feelin';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const roundMillis = 250;
const rounds = 7;

function timeRound(expression, variables) {
  let calls = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(roundMillis) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 100; i++) evaluate(expression, variables);
    calls += 100;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / calls;
}

const results = {};
for (const { name, expression, variables } of cases) {
  const { value, warnings } = evaluate(expression, variables);
  if (warnings.length > 0) throw new Error(`${name}: ${JSON.stringify(warnings)}`);
  timeRound(expression, variables);
  const samples = Array.from({ length: rounds }, () => timeRound(expression, variables)).sort((a, b) => a - b);
  results[name] = { nsPerCall: samples[Math.floor(rounds / 2)], value };
}
console.log(JSON.stringify(results));
