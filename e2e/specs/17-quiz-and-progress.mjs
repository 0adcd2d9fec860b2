// The quiz and the progress page in Chromium, with the keyboard: on the obfuscation chapter, one
// question answered right, one wrong, and the numeric one first with a value that is not a number
// (the alert comes, then goes) and then with the right number; the explanations appear only once
// checked, the live region says the verdicts and the score, and the answers survive a reload. Then
// /progress shows the score; an export downloads a file in our format; forgetting empties the page;
// importing the export brings the score back; a broken file and a foreign JSON file are refused
// with a clear alert and change nothing. axe after the interactions, on both pages.
// The answer key is read from the chapter's MDX (the page itself must not hold the answers before checking).
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describeViolations, seriousAxeViolations} from '../lib/axe.mjs';
import {watchConsole, widget} from '../lib/lab.mjs';

const PAGE = '/docs/obfuscation';
const CHAPTER = new URL('../../docs/05-obfuscation.mdx', import.meta.url);
const STORAGE_KEY = 'skype-notebook:progress';

/** The first <Quiz> of the chapter: its id and, per question in order, its kind and right answer(s). */
function answerKey() {
  const text = readFileSync(CHAPTER, 'utf8');
  const quiz = /<Quiz\s+id="([^"]+)"[^>]*>([\s\S]*?)<\/Quiz>/.exec(text);
  if (!quiz) throw new Error('docs/05-obfuscation.mdx has no <Quiz>');
  const questions = [];
  for (const [, tag, attributes, body] of quiz[2].matchAll(/<(Question|NumericQuestion)\s+([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const id = /\bid="([^"]+)"/.exec(attributes)[1];
    if (tag === 'Question') {
      const choices = [...body.matchAll(/<Choice(\s+correct)?\s*>/g)].map((choice) => Boolean(choice[1]));
      questions.push({id, kind: 'choice', choices: choices.length, correct: choices.flatMap((correct, index) => (correct ? [index] : []))});
    } else {
      const answer = Number(/\banswer=\{([^}]+)\}/.exec(attributes)[1]);
      questions.push({id, kind: 'numeric', answer});
    }
  }
  return {id: quiz[1], questions};
}

async function waitUntil(condition, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const focusedAction = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-action'));
const announcement = (quiz) => quiz.locator('[role="status"]').first().evaluate((element) => element.textContent.trim());
const verdictOf = (question) => question.getAttribute('data-result');

/** Ticks `indexes` with the keyboard (Space on a radio, arrows to move; Space on each checkbox), then Tab to Check and Enter. */
async function answerChoicesWithKeyboard(page, question, indexes, multiple) {
  const inputs = question.locator('input');
  await inputs.first().focus();
  if (multiple) {
    const count = await inputs.count();
    for (let index = 0; index < count; index++) {
      if (indexes.includes(index)) await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
    }
  } else {
    await page.keyboard.press('Space');
    for (let step = 0; step < indexes[0]; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
  }
  const onCheck = (await focusedAction(page)) === 'check';
  await page.keyboard.press('Enter');
  return onCheck;
}

export async function run({baseUrl, check, launchBrowser}) {
  const key = answerKey();
  const choiceQuestions = key.questions.filter((question) => question.kind === 'choice');
  const numeric = key.questions.find((question) => question.kind === 'numeric');
  check(`the chapter's quiz "${key.id}" has two choice questions and a numeric one to test with`, choiceQuestions.length >= 2 && numeric !== undefined);
  const [rightOne, wrongOne] = choiceQuestions;
  const numberOf = (question) => key.questions.indexOf(question) + 1;
  const total = key.questions.length;
  const quizKey = `${PAGE}#${key.id}`;
  const files = mkdtempSync(join(tmpdir(), 'notebook-progress-'));

  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const consoleMessages = watchConsole(page);
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const quiz = widget(page, 'quiz');
    await quiz.scrollIntoViewIfNeeded();

    // 1. The page's quiz is the chapter's, question for question, and holds no answers yet.
    check(`the first quiz on ${PAGE} has the id "${key.id}", a link target`, (await quiz.getAttribute('id')) === key.id);
    const shown = await quiz.locator('[data-question]').evaluateAll((items) => items.map((item) => `${item.dataset.question}:${item.dataset.kind}`));
    check(`it shows the ${total} questions of the MDX in order (${shown.join(', ')})`, shown.join() === key.questions.map((question) => `${question.id}:${question.kind}`).join());
    const choiceCounts = await Promise.all(choiceQuestions.map((question) => quiz.locator(`[data-question="${question.id}"] input`).count()));
    check('each choice question shows all its choices as inputs', choiceCounts.every((count, index) => count === choiceQuestions[index].choices));
    const before = await quiz.evaluate((element) => ({explanations: element.querySelectorAll('[data-explanation]').length, marks: element.querySelectorAll('[data-mark]').length}));
    check('before checking, no explanation and no right-answer mark is in the page', before.explanations === 0 && before.marks === 0, JSON.stringify(before));

    // 2. One question right, with the keyboard.
    const rightQuestion = quiz.locator(`[data-question="${rightOne.id}"]`);
    const multiple = rightOne.correct.length > 1;
    const tabbedToCheck = await answerChoicesWithKeyboard(page, rightQuestion, rightOne.correct, multiple);
    check('Tab from the choices reaches the question’s Check button', tabbedToCheck);
    await waitUntil(async () => (await verdictOf(rightQuestion)) === 'right');
    check(`question ${numberOf(rightOne)}, answered right, says "Right"`, (await verdictOf(rightQuestion)) === 'right' && /\bRight\b/.test(await rightQuestion.locator('[data-output="verdict"]').innerText()));
    check('its explanation appears', (await rightQuestion.locator('[data-explanation]').count()) === 1);
    check(`the live region says "Question ${numberOf(rightOne)}: right."`, (await announcement(quiz)).startsWith(`Question ${numberOf(rightOne)}: right.`), await announcement(quiz));

    // 3. One question wrong.
    const wrongQuestion = quiz.locator(`[data-question="${wrongOne.id}"]`);
    const wrongChoice = [...Array(wrongOne.choices).keys()].find((index) => !wrongOne.correct.includes(index));
    await answerChoicesWithKeyboard(page, wrongQuestion, [wrongChoice], wrongOne.correct.length > 1);
    await waitUntil(async () => (await verdictOf(wrongQuestion)) === 'wrong');
    const wrongText = await wrongQuestion.innerText();
    check(`question ${numberOf(wrongOne)}, answered wrong, says "Not right" and marks the reader's choice with ✗`, (await verdictOf(wrongQuestion)) === 'wrong' && /Not right/.test(wrongText) && /✗\s*your choice: not right/.test(wrongText));
    check('its explanation appears, and the right answer is marked in words', (await wrongQuestion.locator('[data-explanation]').count()) === 1 && /the right answer|also right/.test(wrongText));
    check(`the live region says "Question ${numberOf(wrongOne)}: not right."`, (await announcement(quiz)).startsWith(`Question ${numberOf(wrongOne)}: not right.`), await announcement(quiz));

    // 4. The numeric question: not a number first, then the right number in hex, all with the keyboard.
    const numericQuestion = quiz.locator(`[data-question="${numeric.id}"]`);
    const field = numericQuestion.locator('input');
    check('the numeric answer is a text input with a visible label and inputmode="decimal"', (await field.getAttribute('inputmode')) === 'decimal' && (await numericQuestion.locator('label').innerText()).trim().length > 0);
    const bad = `${numeric.answer}o`;
    await field.focus();
    await page.keyboard.type(bad);
    await page.keyboard.press('Enter');
    const alert = numericQuestion.getByRole('alert');
    await waitUntil(async () => (await alert.count()) === 1);
    const alertText = (await alert.count()) === 1 ? await alert.innerText() : '';
    check(`"${bad}" gives an alert that says it is not a number and where ("${alertText}")`, alertText.includes(`'${bad}' is not a number`) && /character \d+/.test(alertText));
    check('the field is marked invalid while the alert shows', (await field.getAttribute('aria-invalid')) === 'true');
    const good = Number.isInteger(numeric.answer) && numeric.answer > 9 ? `0x${numeric.answer.toString(16)}` : String(numeric.answer);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(good);
    await waitUntil(async () => (await alert.count()) === 0);
    check('the alert goes once the answer is edited', (await alert.count()) === 0 && (await field.getAttribute('aria-invalid')) === null);
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await verdictOf(numericQuestion)) === 'right');
    check(`"${good}" (the answer ${numeric.answer}) is right, and the explanation appears`, (await verdictOf(numericQuestion)) === 'right' && (await numericQuestion.locator('[data-explanation]').count()) === 1);

    // 5. Check all: the rest is unanswered; the score is announced, shown and kept as the best.
    const checkAll = quiz.locator('[data-action="check-all"]');
    await checkAll.focus();
    await page.keyboard.press('Enter');
    const expectedScore = `2 of ${total} right.`;
    await waitUntil(async () => (await announcement(quiz)) === expectedScore);
    check(`Check all: the live region says "${expectedScore}"`, (await announcement(quiz)) === expectedScore, await announcement(quiz));
    check(`the score shows 2 of ${total}, and the best score too`, (await quiz.locator('[data-output="score"]').getAttribute('data-value')) === `2/${total}` && (await quiz.locator('[data-output="best"]').getAttribute('data-value')) === `2/${total}`);
    const unanswered = await quiz.locator('[data-result="unanswered"]').count();
    check(`the ${total - 3} questions left blank are checked as "no answer given", without their explanations`, unanswered === total - 3 && (await quiz.locator('[data-result="unanswered"] [data-explanation]').count()) === 0);

    let violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations on the checked quiz', violations.length === 0, describeViolations(violations));

    // 6. At phone width the quiz fits.
    await page.setViewportSize({width: 390, height: 800});
    const overflow = await quiz.evaluate((element) => ({right: element.getBoundingClientRect().right, inner: element.scrollWidth - element.clientWidth, width: window.innerWidth}));
    check(`at 390 px the quiz fits the screen (${JSON.stringify(overflow)})`, overflow.right <= overflow.width && overflow.inner <= 0);
    await page.setViewportSize({width: 1280, height: 800});

    // 7. A reload keeps the answers, not the verdicts.
    await page.reload({waitUntil: 'networkidle'});
    const kept = await Promise.all([
      quiz.locator(`[data-question="${rightOne.id}"] input`).evaluateAll((inputs) => inputs.flatMap((input, index) => (input.checked ? [index] : []))),
      quiz.locator(`[data-question="${wrongOne.id}"] input`).evaluateAll((inputs) => inputs.flatMap((input, index) => (input.checked ? [index] : []))),
      quiz.locator(`[data-question="${numeric.id}"] input`).inputValue(),
    ]);
    check(`after a reload the answers are still there (${JSON.stringify(kept)})`, kept[0].join() === rightOne.correct.join() && kept[1].join() === String(wrongChoice) && kept[2] === good);
    check('after a reload nothing is judged until checked again', (await quiz.locator('[data-result]').count()) === 0 && (await quiz.locator('[data-explanation]').count()) === 0);
    check(`after a reload the best score still shows 2 of ${total}`, (await quiz.locator('[data-output="best"]').getAttribute('data-value')) === `2/${total}`);
    check(`nothing was written to the console on the chapter (${consoleMessages.join(' | ').slice(0, 300)})`, consoleMessages.length === 0);

    // 8. The progress page shows the quiz's score.
    const progressConsole = watchConsole(page);
    await page.goto(`${baseUrl}/progress`, {waitUntil: 'networkidle'});
    const progress = widget(page, 'progress');
    const quizRow = progress.locator(`[data-key="${quizKey}"]`);
    await waitUntil(async () => (await quizRow.locator('[data-status]').count()) === 1);
    check(`/progress lists ${quizKey} as done, best 2 of ${total}`, (await quizRow.locator('[data-status]').getAttribute('data-status')) === 'done' && (await quizRow.locator('[data-status]').getAttribute('data-score')) === `2/${total}`);
    check('the quiz row links to the quiz', (await quizRow.locator('a').getAttribute('href')) === quizKey);
    const exercisesListed = await progress.locator('[data-item="exercise"]').count();
    const quizzesListed = await progress.locator('[data-item="quiz"]').count();
    const totals = await progress.locator('[data-output="totals"]').innerText();
    check(`the totals say "0 of ${exercisesListed} exercises passed, 1 of ${quizzesListed} quizzes done" ("${totals}")`, totals.includes(`0 of ${exercisesListed} exercises passed`) && totals.includes(`1 of ${quizzesListed} quizzes done`));
    check('every chapter with an exercise or a quiz is listed, the obfuscation chapter among them', (await progress.locator(`[data-chapter="${PAGE}"]`).count()) === 1 && exercisesListed > 5 && quizzesListed > 5);

    // 9. Export: a download in our format holding the score.
    const [download] = await Promise.all([page.waitForEvent('download'), progress.locator('[data-action="export"]').click()]);
    const exportedPath = join(files, 'export.json');
    await download.saveAs(exportedPath);
    const exportedText = readFileSync(exportedPath, 'utf8');
    let exported = null;
    try {
      exported = JSON.parse(exportedText);
    } catch {
      // checked below
    }
    check(`the export is called skype-notebook-progress-YYYY-MM-DD.json (${download.suggestedFilename()})`, /^skype-notebook-progress-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename()));
    check(
      'the exported JSON has the format marker, version 2 and the quiz score',
      exported?.format === 'skype-notebook-progress' && exported.version === 2 && exported.quizzes?.[quizKey]?.right === 2 && exported.quizzes[quizKey].total === total,
      exportedText.slice(0, 300),
    );

    // 10. Forget all, after a confirmation.
    await progress.locator('[data-action="forget"]').focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await focusedAction(page)) === 'forget-cancel');
    check('Forget asks first, with the focus on "Keep my progress"', (await focusedAction(page)) === 'forget-cancel' && (await page.evaluate((name) => localStorage.getItem(name), STORAGE_KEY)) !== null);
    violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations while the confirmation shows', violations.length === 0, describeViolations(violations));
    await progress.locator('[data-action="forget-confirm"]').click();
    await waitUntil(async () => (await quizRow.locator('[data-status]').getAttribute('data-status')) === 'new');
    check('after "Yes, forget everything" the quiz is not started and the store is empty', (await quizRow.locator('[data-status]').getAttribute('data-status')) === 'new' && (await page.evaluate((name) => localStorage.getItem(name), STORAGE_KEY)) === null);

    // 11. Import the export: the score is back.
    const importField = page.getByLabel('Import from a file');
    await importField.setInputFiles(exportedPath);
    await waitUntil(async () => (await quizRow.locator('[data-status]').getAttribute('data-status')) === 'done');
    const importStatus = await progress.locator('[data-output="transfer-status"]').innerText();
    check(`importing the export brings the score back ("${importStatus}")`, (await quizRow.locator('[data-status]').getAttribute('data-score')) === `2/${total}` && /1 quiz score added/.test(importStatus));

    // 12. A broken file and foreign JSON files: a clear alert, and nothing changed.
    const storedBefore = await page.evaluate((name) => localStorage.getItem(name), STORAGE_KEY);
    const refusals = [
      {name: 'broken.json', text: '{\n  "format": "skype-notebook-progress",\n  "version": 2,,\n}\n', expected: "Line 3, column 16: not valid JSON (found ',')"},
      {name: 'package.json', text: '{"name": "my-package", "version": "1.0.0"}\n', expected: 'is not a progress file of this notebook'},
      {
        name: 'edited.json',
        text: JSON.stringify({format: 'skype-notebook-progress', version: 2, exercises: {'/docs/x#y': {status: 'done', updatedAt: 1}}, quizzes: {}}),
        expected: "exercises['/docs/x#y'].status must be 'passed' or 'attempted'",
      },
    ];
    for (const refusal of refusals) {
      const path = join(files, refusal.name);
      writeFileSync(path, refusal.text);
      await importField.setInputFiles(path);
      const transferAlert = progress.locator('[data-output="transfer-alert"]');
      await waitUntil(async () => (await transferAlert.count()) === 1 && (await transferAlert.innerText()).startsWith(refusal.name));
      const text = (await transferAlert.count()) === 1 ? await transferAlert.innerText() : '';
      check(`${refusal.name} is refused in an alert that says what is wrong ("${text}")`, (await transferAlert.getAttribute('role')) === 'alert' && text.includes(refusal.expected) && text.includes('Nothing was changed'));
      check(`${refusal.name} changes nothing`, (await page.evaluate((name) => localStorage.getItem(name), STORAGE_KEY)) === storedBefore && (await quizRow.locator('[data-status]').getAttribute('data-score')) === `2/${total}`);
    }

    violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations on /progress after export, forget and imports', violations.length === 0, describeViolations(violations));
    check(`nothing was written to the console on /progress (${progressConsole.join(' | ').slice(0, 300)})`, progressConsole.length === 0);
    await page.close();
  } finally {
    await browser.close();
    rmSync(files, {recursive: true, force: true});
  }

  // 13. Dark mode: the checked quiz's verdicts and marks keep their contrast.
  const dark = await launchBrowser({colorScheme: 'dark'});
  try {
    const page = await dark.context.newPage();
    await page.goto(baseUrl + PAGE, {waitUntil: 'networkidle'});
    const quiz = widget(page, 'quiz');
    await quiz.locator(`[data-question="${wrongOne.id}"] input`).first().check();
    await quiz.locator('[data-action="check-all"]').click();
    await waitUntil(async () => (await quiz.locator('[data-result]').count()) === total);
    const violations = await seriousAxeViolations(page);
    check('axe finds no serious or critical violations on the checked quiz in dark mode', violations.length === 0, describeViolations(violations));
  } finally {
    await dark.close();
  }
}
