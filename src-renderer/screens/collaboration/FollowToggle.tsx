// "Følg / Følger" in the order's toolbar (issue 12): who follows the order hears of
// the changes others make to it in the bell. The number is how many follow it; with
// no users (an open workstation) there is nobody to follow as, so it only shows.
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useAuthStatus, useChannel } from '../../api/queries';
import { useLanguage } from '../../i18n';
import { useCollabWrite } from './useCollabWrite';

export function FollowToggle(props: { orderId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const auth = useAuthStatus();
  const state = useChannel('follow.get', { orderId: props.orderId }, { staleTime: 0 });
  const write = useCollabWrite();
  const following = state.data?.following ?? false;
  const followers = state.data?.followers ?? [];
  const canFollow = Boolean(auth.data?.user);
  const names = followers.map((f) => f.name).join(', ');
  const title = [
    canFollow ? (following ? t('activityUi.follow.stopHint') : t('activityUi.follow.startHint')) : t('activityUi.follow.noUsers'),
    followers.length ? t('activityUi.follow.who', { names }) : t('activityUi.follow.nobody'),
    write.error?.[lang],
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <button
      type="button"
      className={`small follow-toggle ${following ? 'following' : ''} ${write.error ? 'refused' : ''}`}
      aria-pressed={following}
      disabled={!canFollow || write.busy || !state.data}
      title={title}
      data-testid="order-follow"
      onClick={() => void write.run(() => invoke('follow.set', { orderId: props.orderId, following: !following }))}
    >
      <span aria-hidden="true">{following ? '★' : '☆'}</span> {following ? t('activityUi.follow.following') : t('activityUi.follow.follow')}
      <span className="follow-count" data-testid="order-followers" aria-label={t('activityUi.follow.count', { count: followers.length })}>
        {followers.length}
      </span>
    </button>
  );
}
