// expect: performance.query-in-loop@8 performance.sleep-in-loop@9 structure.deep-nesting@15 satd.todo@28 structure.long-parameter-list@35 structure.commented-out-code@39 structure.complexity@46 structure.long-function@46
import React from 'react';

type Card = { id: string; lane: string; done: boolean; tags: string[] };

export async function loadCards(ids: string[]): Promise<Card[]> {
  for (const id of ids) {
    await fetch('/cards/' + id);
    await sleep(100);
  }
  ids.forEach((id) => id.trim());
  return (await fetch('/cards')).json();
}

export function Lane({ cards }: { cards: Card[] }): JSX.Element {
  if (cards.length) {
    for (const c of cards) {
      while (c.tags.length) {
        if (c.done) {
          switch (c.lane) {
            case 'todo':
              return <div className="lane done">{c.id}</div>;
          }
        }
      }
    }
  }
  return <div className="lane">{cards.length} cards</div>; // HACK until lanes are paged
}

export function CardView(props: { card: Card }): JSX.Element {
  return <article data-id={props.card.id}>{props.card.lane}</article>;
}

export function move(card: Card, from: string, to: string, index: number, user: string, note: string, at: Date): Card {
  return { ...card, lane: to };
}

// const lanes = cards.map((c) => c.lane);
// if (lanes.length > 2) {
//   setLanes(lanes);
// }
// return <Board lanes={lanes} />;
// setDirty(true);

export function Board({ cards, filter }: { cards: Card[]; filter: string }): JSX.Element {
  const visible = cards.filter((c) => c.lane !== 'archived');
  const a = visible.length > 0 ? 1 : 0;
  const b = filter === 'all' || filter === 'open' ? 1 : 0;
  const c = filter === 'mine' && a > 0 ? 1 : 0;
  const d = b > 0 || c > 0 ? 1 : 0;
  const e = a && b ? 1 : 0;
  const f = c || d ? 1 : 0;
  let g = 0;
  if (a) g += 1;
  if (b) g += 2;
  if (c) g *= 2;
  if (d) g -= 1;
  if (e) g += a;
  if (f) g = Math.max(g, b);
  const header = (
    <header>
      <h1>Board</h1>
      <span>{visible.length} cards</span>
    </header>
  );
  const footer = (
    <footer>
      <small>{g} filters</small>
    </footer>
  );
  return (
    <main>
      {header}
      {visible.map((card) => (
        <section key={card.id}>
          <h2>{card.lane}</h2>
          <ul>
            {card.tags.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          {card.done ? <strong>done</strong> : <em>open</em>}
          {e && f ? <span>both</span> : null}
        </section>
      ))}
      <p>
        Showing {visible.length} of {cards.length}
      </p>
      <p>
        Filter: {filter}
      </p>
      <p>
        Total: {a + b + c + d}
      </p>
      <nav aria-label="lanes">
        <button type="button">Previous</button>
        <button type="button">Next</button>
      </nav>
      <aside>
        <h3>Legend</h3>
        <dl>
          <dt>done</dt>
          <dd>finished cards</dd>
          <dt>open</dt>
          <dd>cards in progress</dd>
        </dl>
      </aside>
      {footer}
    </main>
  );
}
