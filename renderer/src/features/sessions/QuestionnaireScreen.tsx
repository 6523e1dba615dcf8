import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireView } from '../../../../shared/domain/journal/questionnaire.ts';
import type { Experience } from '../../../../shared/domain/journal/sessions.ts';
import {
  ES1_DISCOVERY,
  ES2_REASON,
  ES3_WOULD_REPEAT,
  ES5_HELP_SOURCES,
  ES6_RATING,
} from '../../../../shared/facilita/codes.ts';
import { client } from '../../api/client.ts';
import { useRouteParams } from '../../app/navigation.ts';
import { BIG, BUTTON, PAGE } from '../guides/citizen-style.ts';
import { journalError } from '../journal/journal-errors.ts';
import { useQuestionnaire } from './useQuestionnaire.ts';

type Question =
  | { field: 'es1' | 'es2' | 'es6'; kind: 'one'; codes: readonly (string | number)[] }
  | { field: 'es3' | 'es5'; kind: 'many'; codes: readonly string[] }
  | { field: 'es4'; kind: 'text' };

const QUESTIONS: readonly Question[] = [
  { field: 'es1', kind: 'one', codes: ES1_DISCOVERY },
  { field: 'es2', kind: 'one', codes: ES2_REASON },
  { field: 'es3', kind: 'many', codes: ES3_WOULD_REPEAT },
  { field: 'es4', kind: 'text' },
  { field: 'es5', kind: 'many', codes: ES5_HELP_SOURCES },
  { field: 'es6', kind: 'one', codes: ES6_RATING },
];

const isAnswered = (answers: Experience, question: Question): boolean => {
  const value = answers[question.field];
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== '';
};

const firstOpenQuestion = (answers: Experience): number => {
  const open = QUESTIONS.findIndex((question) => !isAnswered(answers, question));
  return open === -1 ? QUESTIONS.length - 1 : open;
};

const CHOICE = { ...BUTTON, justifyContent: 'flex-start', textAlign: 'left', minHeight: '4rem' } as const;
const CHOSEN = { ...CHOICE, bgcolor: '#ffffff', outline: '6px solid #ffff00' } as const;

/** One question in very large print; a choice of one answers and moves on, the others have "Next". */
const QuestionPanel = ({
  question,
  view,
  onAnswer,
}: {
  question: Question;
  view: QuestionnaireView;
  onAnswer: (answers: Experience, next: boolean) => void;
}) => {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(view.language, 'journal');
  const { answers } = view;
  const [comment, setComment] = useState(answers.es4);
  if (question.kind === 'text') {
    return (
      <Stack spacing={3}>
        <TextField
          id="questionnaire-es4"
          label={t('questionnaire.commentLabel')}
          multiline
          minRows={3}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          slotProps={{
            input: { sx: { ...BIG, bgcolor: '#ffffff', color: '#000000' } },
            inputLabel: { sx: { fontSize: '1.5rem', color: '#ffffff' } },
          }}
        />
        <Button sx={BUTTON} onClick={() => onAnswer({ ...answers, es4: comment }, true)}>
          {t('questionnaire.next')}
        </Button>
      </Stack>
    );
  }
  const label = (code: string | number) => t(`codes.${question.field}.${String(code)}`);
  if (question.kind === 'one') {
    return (
      <Stack spacing={2}>
        {question.codes.map((code) => (
          <Button
            key={String(code)}
            sx={answers[question.field] === code ? CHOSEN : CHOICE}
            aria-pressed={answers[question.field] === code}
            onClick={() => onAnswer({ ...answers, [question.field]: code }, true)}
          >
            {label(code)}
          </Button>
        ))}
      </Stack>
    );
  }
  const chosen: readonly string[] = answers[question.field];
  return (
    <Stack spacing={2}>
      <Typography sx={{ fontSize: '1.5rem' }}>{t('questionnaire.chooseAll')}</Typography>
      {question.codes.map((code) => (
        <Button
          key={code}
          sx={chosen.includes(code) ? CHOSEN : CHOICE}
          aria-pressed={chosen.includes(code)}
          onClick={() =>
            onAnswer(
              {
                ...answers,
                [question.field]: chosen.includes(code) ? chosen.filter((item) => item !== code) : [...chosen, code],
              },
              false,
            )
          }
        >
          {label(code)}
        </Button>
      ))}
      <Button sx={BUTTON} onClick={() => onAnswer(answers, true)}>
        {t('questionnaire.next')}
      </Button>
    </Stack>
  );
};

/**
 * The citizen view of the experience questionnaire `#/questionnaire/<id>`: ES1–ES6 one at a time,
 * in very large print with big buttons (keyboard and touch), answers sent to the core as given.
 */
export const QuestionnaireScreen = () => {
  const { t: tDesk } = useTranslation(['journal', 'common']);
  const { i18n } = useTranslation();
  const [id] = useRouteParams();
  const { view, error: loadError } = useQuestionnaire(id);
  const [position, setPosition] = useState(0);
  // A questionnaire started again from answers already given opens at the first one still open.
  const [resumedFor, setResumedFor] = useState<string | null>(null);
  // Every answer this window gave, kept until the core's view has caught up with it: a quick click
  // on the next question must not send the previous one back as it was before (typing lost).
  const given = useRef<Partial<Experience>>({});
  if (view && resumedFor !== view.id) {
    setResumedFor(view.id);
    given.current = {};
    setPosition(firstOpenQuestion(view.answers));
  }
  const shown = view ? { ...view, answers: { ...view.answers, ...given.current } } : null;
  const [error, setError] = useState<string | null>(null);
  const t = i18n.getFixedT(view?.language ?? i18n.language, 'journal');

  const send = async (answers: Experience, next: boolean) => {
    if (!view) return;
    const field = (QUESTIONS[position] as Question).field;
    given.current = { ...given.current, [field]: answers[field] };
    const result = await client.call('questionnaire.answer', {
      id: view.id,
      answers: { ...view.answers, ...given.current },
    });
    if (!result.ok) return setError(journalError(tDesk, result.error));
    setError(null);
    if (!next) return;
    if (position + 1 < QUESTIONS.length) return setPosition(position + 1);
    const finished = await client.call('questionnaire.finish', { id: view.id });
    if (!finished.ok) setError(journalError(tDesk, finished.error));
  };
  const question = QUESTIONS[position] as Question;
  const finished = view?.state === 'finished';

  return (
    <Box component="main" sx={PAGE} lang={view?.language}>
      {(loadError ?? error) && (
        <Typography role="alert" sx={BIG}>
          {loadError ?? error}
        </Typography>
      )}
      {!view && !loadError && (
        <Typography variant="h1" role="status" sx={BIG}>
          {tDesk('common:loading')}
        </Typography>
      )}
      {view && (
        <Stack spacing={3} aria-live="polite">
          <Typography component="p" sx={{ fontSize: '1.5rem' }}>
            {t('questionnaire.title')}
          </Typography>
          {finished ? (
            <Typography variant="h1" data-testid="questionnaire-thanks" sx={{ ...BIG, fontWeight: 700 }}>
              {t('questionnaire.thanks')}
            </Typography>
          ) : (
            <>
              <Typography sx={{ fontSize: '1.5rem', color: '#ffff00' }}>
                {t('questionnaire.progress', { position: position + 1, total: QUESTIONS.length })}
              </Typography>
              <Typography variant="h1" sx={{ fontSize: 'clamp(2.25rem, 4.5vw, 4rem)', fontWeight: 700 }}>
                {t(`questionnaire.${question.field}`)}
              </Typography>
              <QuestionPanel
                key={question.field}
                question={question}
                view={shown ?? view}
                onAnswer={(a, n) => void send(a, n)}
              />
              <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
                <Button sx={BUTTON} disabled={position === 0} onClick={() => setPosition(position - 1)}>
                  {t('questionnaire.back')}
                </Button>
                <Button sx={BUTTON} onClick={() => void send((shown ?? view).answers, true)}>
                  {t('questionnaire.skip')}
                </Button>
              </Stack>
            </>
          )}
        </Stack>
      )}
    </Box>
  );
};
