import { Studio } from './studio';

export default function Home() {
  return (
    <main>
      <h1>sora-kit in Next.js</h1>
      <Studio />
    </main>
  );
}
