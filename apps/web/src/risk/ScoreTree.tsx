import { useId, useMemo, useRef, useState } from 'react';
import { ObservationsDialog, type ObservationsRequest } from './ObservationsDialog.js';
import { fillOf, noDataClass, type LegendEntry } from './risk-classes.js';
import type { RiskFormat } from './risk-format.js';
import { useRiskStrings } from './risk-strings.js';
import { ClassSwatch } from './RiskLegend.js';
import { nodeTitles, type ScoreTreeNode } from './score-tree.js';

interface TreeProps {
  legend: readonly LegendEntry[];
  format: RiskFormat;
}

/** Opens the observations behind a node, from the button that asked. */
type ShowObservations = (node: ScoreTreeNode, opener: HTMLButtonElement) => void;

/**
 * A profile's score tree as nested disclosures: each part with children is a button that opens
 * or closes them (`aria-expanded`), so Tab, Enter and Space are all a keyboard needs. The root
 * starts open, its pillars closed. With `observations` (the profile's area, month and model
 * version), every part also has a button that opens the observations behind it in a dialog;
 * closing it puts focus back on that button.
 */
export function ScoreTree({
  root,
  observations,
  ...props
}: TreeProps & { root: ScoreTreeNode; observations?: ObservationsRequest | undefined }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set([root.id]));
  const [shown, setShown] = useState<ScoreTreeNode | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const titles = useMemo(() => nodeTitles(root), [root]);
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const show: ShowObservations = (node, button) => {
    opener.current = button;
    setShown(node);
  };
  return (
    <>
      <ul className="score-tree">
        <TreeItem
          node={root}
          open={open}
          toggle={toggle}
          show={observations ? show : undefined}
          {...props}
        />
      </ul>
      {observations ? (
        <ObservationsDialog
          request={observations}
          node={shown}
          titles={titles}
          format={props.format}
          onClose={() => {
            setShown(null);
            opener.current?.focus();
          }}
        />
      ) : null}
    </>
  );
}

function TreeItem({
  node,
  open,
  toggle,
  show,
  legend,
  format,
}: TreeProps & {
  node: ScoreTreeNode;
  open: ReadonlySet<string>;
  toggle: (id: string) => void;
  show: ShowObservations | undefined;
}) {
  const r = useRiskStrings();
  const riskT = useRiskStrings();
  const groupId = useId();
  const expanded = open.has(node.id);
  const classLabel =
    node.classId === noDataClass
      ? r('risk.noData')
      : (legend.find((entry) => entry.id === node.classId)?.label ?? node.classId);
  return (
    <li data-node={node.id}>
      <div className="tree-row">
        {node.children.length ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={expanded}
            aria-controls={groupId}
            onClick={() => toggle(node.id)}
          >
            <span aria-hidden="true" className="tree-marker">
              {expanded ? '▾' : '▸'}
            </span>{' '}
            {node.title}
          </button>
        ) : (
          <span className="tree-leaf">{node.title}</span>
        )}
        <dl className="tree-figures">
          <div>
            <dt>{r('risk.score')}</dt>
            <dd>{format.score(node.score)}</dd>
          </div>
          <div>
            <dt>{r('risk.class')}</dt>
            <dd>
              <ClassSwatch classId={node.classId} fill={fillOf(node.classId, legend)} />{' '}
              {classLabel}
            </dd>
          </div>
          {node.contribution !== null ? (
            <div>
              <dt>{r('risk.contribution')}</dt>
              <dd>{format.score(node.contribution)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{r('risk.completeness')}</dt>
            <dd>{format.share(node.completeness)}</dd>
          </div>
          <div>
            <dt>{r('risk.reliability')}</dt>
            <dd>
              {format.share(node.reliability)}
              {node.observed
                ? ` (${r('risk.observed', { period: format.month(node.observed) })})`
                : ''}
            </dd>
          </div>
        </dl>
        {show ? (
          // Beside the figures, apart from the part's own toggle (the row's direct child).
          <span className="tree-observations">
            <button
              type="button"
              className="secondary small"
              aria-label={riskT('observations.buttonLabel', { node: node.title })}
              onClick={(event) => show(node, event.currentTarget)}
            >
              {riskT('observations.button')}
            </button>
          </span>
        ) : null}
      </div>
      {node.children.length ? (
        <ul id={groupId} hidden={!expanded}>
          {expanded
            ? node.children.map((child) => (
                <TreeItem
                  key={child.id}
                  node={child}
                  open={open}
                  toggle={toggle}
                  show={show}
                  legend={legend}
                  format={format}
                />
              ))
            : null}
        </ul>
      ) : null}
    </li>
  );
}
