// Users and access groups (SPEC 8): a group's rights as checkboxes, users with
// their group and a PIN. Once the first user exists, the workstation asks who
// is working (the login screen).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessGroup, User } from '../../../shared/channels/auth';
import { RIGHTS, type Right } from '../../../shared/enums';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { useLanguage, type BilingualText } from '../../i18n';

function useSave() {
  const [error, setError] = useState<BilingualText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await call();
      setNotice(done);
      await invalidate('users.list', 'groups.list');
      return true;
    } catch (e) {
      setError(refusalOf(e, () => null).general ?? Object.values(refusalOf(e).fields)[0] ?? null);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, notice, busy, run };
}

export function UsersPanel() {
  const { t } = useTranslation();
  const groups = useChannel('groups.list', {}, { staleTime: 0 });
  const users = useChannel('users.list', {}, { staleTime: 0 });
  const loadError = groups.isError ? groups.error : users.isError ? users.error : null;
  return (
    <section className="panel" data-testid="users-panel">
      <h2>{t('users.title')}</h2>
      <p className="muted small">{t('users.lead')}</p>
      {loadError ? <Banner error={refusalOf(loadError, () => null).general} testId="users-load-error" /> : null}
      <h3>{t('users.groups')}</h3>
      <GroupsTable groups={groups.data ?? []} />
      <h3>{t('users.users')}</h3>
      <UsersTable users={users.data ?? []} groups={groups.data ?? []} />
    </section>
  );
}

function GroupsTable(props: { groups: readonly AccessGroup[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const s = useSave();
  const [edits, setEdits] = useState<Record<number, readonly Right[]>>({});
  const [newName, setNewName] = useState('');
  const [newRights, setNewRights] = useState<readonly Right[]>([]);
  const toggle = (list: readonly Right[], r: Right, on: boolean) => (on ? [...list, r] : list.filter((x) => x !== r));

  return (
    <>
      <Banner error={s.error} testId="groups-error" />
      <table className="side-grid rights-grid" data-testid="groups-table">
        <thead>
          <tr>
            <th>{t('users.groupName')}</th>
            {RIGHTS.map((r) => (
              <th key={r.key} className="center">
                {r[lang]}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {props.groups.map((g, i) => {
            const rights = edits[g.id] ?? g.rights;
            const changed = edits[g.id] !== undefined;
            return (
              <tr key={g.id} data-testid={`group-${i}`}>
                <td className="strong">{g.name}</td>
                {RIGHTS.map((r) => (
                  <td key={r.key} className="center">
                    <input
                      type="checkbox"
                      aria-label={`${g.name}: ${r[lang]}`}
                      data-testid={`group-${i}-${r.key}`}
                      checked={rights.includes(r.key)}
                      onChange={(e) => setEdits((x) => ({ ...x, [g.id]: toggle(rights, r.key, e.target.checked) }))}
                    />
                  </td>
                ))}
                <td className="actions">
                  <button
                    type="button"
                    className="small"
                    disabled={!changed || s.busy}
                    data-testid={`group-${i}-save`}
                    onClick={() =>
                      void s.run(() => invoke('groups.save', { id: g.id, name: g.name, rights: [...rights] }), t('users.groupSaved', { name: g.name })).then((ok) => {
                        if (ok) setEdits((x) => Object.fromEntries(Object.entries(x).filter(([k]) => Number(k) !== g.id)));
                      })
                    }
                  >
                    {t('common.save')}
                  </button>
                </td>
              </tr>
            );
          })}
          <tr className="new-row">
            <td>
              <input aria-label={t('users.newGroup')} placeholder={t('users.newGroup')} data-testid="group-new-name" value={newName} maxLength={60} onChange={(e) => setNewName(e.target.value)} />
            </td>
            {RIGHTS.map((r) => (
              <td key={r.key} className="center">
                <input
                  type="checkbox"
                  aria-label={`${t('users.newGroup')}: ${r[lang]}`}
                  data-testid={`group-new-${r.key}`}
                  checked={newRights.includes(r.key)}
                  onChange={(e) => setNewRights((x) => toggle(x, r.key, e.target.checked))}
                />
              </td>
            ))}
            <td className="actions">
              <button
                type="button"
                className="small"
                disabled={s.busy}
                data-testid="group-add"
                onClick={() =>
                  void s.run(() => invoke('groups.save', { name: newName, rights: [...newRights] }), t('users.groupSaved', { name: newName.trim() })).then((ok) => {
                    if (ok) {
                      setNewName('');
                      setNewRights([]);
                    }
                  })
                }
              >
                + {t('users.addGroup')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      <Notice text={s.notice} testId="groups-notice" />
    </>
  );
}

function UsersTable(props: { users: readonly User[]; groups: readonly AccessGroup[] }) {
  const { t } = useTranslation();
  const s = useSave();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [pin, setPin] = useState('');
  const groupName = (id: number) => props.groups.find((g) => g.id === id)?.name ?? '';
  const chosenGroup = Number(groupId || props.groups[0]?.id || 0);

  return (
    <>
      <Banner error={s.error} testId="users-error" />
      <table className="side-grid" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('users.username')}</th>
            <th>{t('users.name')}</th>
            <th>{t('users.group')}</th>
            <th>{t('users.pin')}</th>
            <th>{t('users.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.users.map((u, i) => (
            <tr key={u.id} data-testid={`user-${i}`}>
              <td className="strong">{u.username}</td>
              <td>{u.name}</td>
              <td>{groupName(u.groupId)}</td>
              <td className="muted">••••</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${u.username}: ${t('users.active')}`}
                  data-testid={`user-${i}-active`}
                  checked={u.active}
                  disabled={s.busy}
                  onChange={(e) =>
                    void s.run(
                      () => invoke('users.save', { id: u.id, username: u.username, name: u.name, groupId: u.groupId, active: e.target.checked }),
                      t('users.userSaved', { name: u.name }),
                    )
                  }
                />
              </td>
              <td />
            </tr>
          ))}
          <tr className="new-row">
            <td>
              <input aria-label={t('users.username')} placeholder={t('users.username')} data-testid="user-new-username" value={username} maxLength={40} onChange={(e) => setUsername(e.target.value)} />
            </td>
            <td>
              <input aria-label={t('users.name')} placeholder={t('users.name')} data-testid="user-new-name" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            </td>
            <td>
              <select aria-label={t('users.group')} data-testid="user-new-group" value={String(chosenGroup)} onChange={(e) => setGroupId(e.target.value)}>
                {props.groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <input
                type="password"
                aria-label={t('users.pin')}
                placeholder={t('users.pinPlaceholder')}
                inputMode="numeric"
                autoComplete="new-password"
                data-testid="user-new-pin"
                value={pin}
                maxLength={8}
                onChange={(e) => setPin(e.target.value)}
              />
            </td>
            <td />
            <td className="actions">
              <button
                type="button"
                className="small"
                disabled={s.busy || props.groups.length === 0}
                title={props.groups.length === 0 ? t('users.groupFirst') : undefined}
                data-testid="user-add"
                onClick={() =>
                  void s
                    .run(() => invoke('users.save', { username: username.trim(), name: name.trim(), groupId: chosenGroup, pin }), t('users.userSaved', { name: name.trim() }))
                    .then((ok) => {
                      if (ok) {
                        setUsername('');
                        setName('');
                        setPin('');
                      }
                    })
                }
              >
                + {t('users.addUser')}
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      <Notice text={s.notice} testId="users-notice" />
    </>
  );
}

/** "Kjør abonnementer": every subscription period that has come due is invoiced, once. */
export function SubscriptionsPanel() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await invoke('subscriptions.run', {});
      setResult(
        r.invoices.length === 0
          ? t('subscriptions.noneDue')
          : t('subscriptions.made', { count: r.invoices.length, numbers: r.invoices.map((i) => i.number).join(', ') }),
      );
      void invalidate('invoices.list', 'orders.get', 'activity.list', 'stock.get');
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" data-testid="subscriptions-panel">
      <h2>{t('subscriptions.title')}</h2>
      <p className="muted small">{t('subscriptions.lead')}</p>
      <Banner error={error} testId="subscriptions-error" />
      <div className="form-actions">
        <button type="button" disabled={busy} data-testid="subscriptions-run" onClick={() => void run()}>
          {t('subscriptions.run')}
        </button>
        <Notice text={result} testId="subscriptions-result" />
      </div>
    </section>
  );
}
