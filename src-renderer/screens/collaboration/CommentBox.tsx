// The comment box under the order's log (issue 12): Ctrl+Enter sends. Comments are
// append-only, so "Rett" on a comment opens the box as a correction of it: a new
// comment that refers to the old one, which stays in the log marked as corrected.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../shared/channels/collaboration';
import { formatDateTime } from '../../../shared/format';
import { invoke } from '../../api/client';
import { Banner } from '../../components/fields';
import { Shortcut } from '../../components/Shortcut';
import { useCollabWrite } from './useCollabWrite';

export function CommentBox(props: { orderId: number; correcting: Comment | null; onCorrectingDone: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { busy, error, setError, run } = useCollabWrite();
  const box = useRef<HTMLTextAreaElement>(null);
  const { correcting, onCorrectingDone } = props;

  // A correction starts from the words being corrected, with the caret at the end.
  useEffect(() => {
    if (!correcting) return;
    setText(correcting.text);
    const el = box.current;
    if (el) {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }
  }, [correcting]);

  const send = async () => {
    if (busy) return;
    const sent = await run(() => invoke('comments.add', { orderId: props.orderId, text, ...(correcting ? { correctsId: correcting.id } : {}) }));
    if (sent) {
      setText('');
      onCorrectingDone();
    }
  };

  const cancel = () => {
    setText('');
    setError(null);
    onCorrectingDone();
  };

  return (
    <form
      className="comment-box"
      data-testid="comment-box"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {correcting ? (
        <div className="comment-correcting" data-testid="comment-correcting">
          {t('activityUi.comments.correcting', {
            who: correcting.author?.name ?? t('activity.workstation'),
            at: formatDateTime(correcting.at),
          })}
        </div>
      ) : null}
      <textarea
        ref={box}
        rows={3}
        maxLength={4000}
        aria-label={t('activityUi.comments.label')}
        placeholder={t('activityUi.comments.placeholder')}
        data-testid="comment-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send();
          } else if (e.key === 'Escape' && (correcting || text)) {
            // Esc drops the comment being written (or the correction), not the order.
            e.preventDefault();
            cancel();
          }
        }}
      />
      <Banner error={error} testId="comment-error" />
      <div className="comment-actions">
        {correcting ? (
          <button type="button" className="small" data-testid="comment-cancel" onClick={cancel}>
            {t('common.cancel')} <Shortcut keys="Esc" />
          </button>
        ) : null}
        <button type="submit" className="small primary" disabled={busy || !text.trim()} data-testid="comment-send">
          {correcting ? t('activityUi.comments.sendCorrection') : t('activityUi.comments.send')} <Shortcut keys="Ctrl+Enter" />
        </button>
      </div>
    </form>
  );
}
