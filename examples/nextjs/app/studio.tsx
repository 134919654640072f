'use client';
// The elements are browser-only custom elements: the React wrappers render them on the client.
import { SoraStudio } from '@sora-kit/elements/react';

export function Studio() {
  return <SoraStudio endpoint="/api/sora" />;
}
