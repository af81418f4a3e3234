// A key (or key combination) shown the way keyboards label it, optionally with what it does.
import { Fragment } from 'react';

export function Shortcut(props: { keys: string; label?: string }) {
  const keys = props.keys.split('+');
  return (
    <span className="shortcut">
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className="plus">+</span> : null}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
      {props.label ? <span className="shortcut-label">{props.label}</span> : null}
    </span>
  );
}
