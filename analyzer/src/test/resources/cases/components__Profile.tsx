// expect: none
import React, { useEffect, useState } from 'react';
import pino from 'pino';

const logger = pino();

export function Profile({ userId }: { userId: string }): JSX.Element {
  const [name, setName] = useState<string>('');
  useEffect(() => {
    fetchUser(userId)
      .then((u) => setName(u.name))
      .catch((e: Error) => logger.error(e));
  }, [userId]);
  const onSave = async () => {
    try {
      await saveUser(userId, name);
    } catch (e) {
      logger.error(e);
      throw e;
    }
  };
  return (
    <section className="profile">
      <h1>{name || 'Anonymous'}</h1>
      <input value={name} onChange={(ev) => setName(ev.target.value)} />
      <button onClick={onSave} disabled={!name}>Save</button>
      <a href="https://docs.example.com/profile">How profiles work</a>
      <p>It's served from 'http://localhost:3000' when you're developing, so don't worry</p>
      <code>// TODO: replace with your key</code>
      {/* Shows the user's name and lets them change it. */}
    </section>
  );
}
