import { withFileSource } from './byte-source';
import type { ContainerLayout } from './layout';
import { mp4Layout } from './mp4-layout';
import { webmLayout } from './webm-layout';

export type { ChunkRange, ContainerLayout } from './layout';
export { UnrecognizedContainerError } from './layout';

/** A segment file's chunks, codecs and media times, read from its container (chosen by its extension). */
export function readContainerLayout(file: string): ContainerLayout {
  return withFileSource(file, (source) => (file.endsWith('.mp4') ? mp4Layout(source) : webmLayout(source)));
}
