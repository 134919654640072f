import { SoraStudio } from '@sora-kit/elements/react';

export function App() {
  return (
    <main>
      <h1>sora-kit in React + Vite</h1>
      <SoraStudio endpoint="/api/sora" />
    </main>
  );
}
