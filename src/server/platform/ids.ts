/** Application-generated, time-ordered ids (UUID v7), so inserts stay index-friendly. */
import { v7 } from 'uuid';

export const newId = (): string => v7();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);
