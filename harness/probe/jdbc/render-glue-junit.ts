import { renderJunitCases } from '../render-junit-cases.ts';
import type { GlueAnswerPrediction } from './predict-glue-answers.ts';

/** JUnit XML for CI: one testcase per Glue TLS setting, failed when TestConnection would raise, with AWS's message. */
export function renderGlueJunit(target: string, answers: GlueAnswerPrediction[]): string {
  return renderJunitCases(
    'partner-harness probe',
    `partner-harness probe ${target}`,
    answers.map((answer) => ({
      name: `Glue TestConnection with ${answer.setting}`,
      ...(answer.skipped !== undefined
        ? { skipped: answer.skipped }
        : answer.status === 'OK'
          ? {}
          : {
              failure: {
                message: answer.message ?? '',
                type: answer.exception ?? 'TestConnectionError',
                detail: [`${answer.exception}: ${answer.message}`, ...Object.entries(answer.properties).map(([key, value]) => `${key}=${value}`), ...(answer.provenance ? [`(message ${answer.provenance})`] : [])].join('\n'),
              },
            }),
    })),
  );
}
