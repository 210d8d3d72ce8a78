/** Pin the public surface of lib/qbank: everything else is internal. */
import * as qbank from '@/lib/qbank';

test('lib/qbank exports', () => {
  expect(Object.keys(qbank).sort()).toEqual(
    [
      'BankSchema',
      'BlueprintSchema',
      'ChoiceSchema',
      'CommandSchema',
      'DeckSchema',
      'FrontMatterSchema',
      'ObjectiveSchema',
      'QuestionSchema',
      'QuestionTypeSchema',
      'compile',
      'compileBlueprint',
      'extractQuestions',
      'formatDiagnostic',
      'parseBank',
      'parseNote',
      'parser',
      'remarkQuestions',
      'serialiseBank',
      'sortDiagnostics',
    ].sort(),
  );
});
