import { useEffect, useState } from 'preact/hooks';
import type { AddedPack, AddedPackSource } from '@/data/added';
import { formatDate } from '@/components/format/figure';
import {
  addPackFromZip,
  ADDED_PACK_CAPS,
  dismissPacksNotice,
  loadAddedPacks,
  removeAddedPack,
  watchAddedPacks,
} from '@/components/extension';

/** The section takes nothing: it reads and writes the added packs in storage itself. */
export interface PacksSectionProps {
  /** The packs as read from storage, each time they change: the page lists their figures too. */
  onPacks?(packs: readonly AddedPack[]): void;
}

type Outcome = { kind: 'added'; title: string } | { kind: 'refused'; errors: string[] } | null;

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * "Add a data pack": the reader picks a pack's zip, the extension validates it in full in
 * the browser (the build's own code) and keeps it, or refuses it whole with every error.
 * Everything a pack says is shown as text; only an http(s) address becomes a link.
 */
export function PacksSection({ onPacks }: PacksSectionProps) {
  const [packs, setPacks] = useState<AddedPack[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  // Read again after this page's own changes, and on any other page's (storage events).
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void loadAddedPacks().then((r) => {
      if (!live) return;
      setPacks(r.packs);
      setNotice(r.notice);
      onPacks?.(r.packs);
    });
    return () => {
      live = false;
    };
  }, [version]);
  useEffect(() => watchAddedPacks(() => setVersion((n) => n + 1)), []);

  const add = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await addPackFromZip(new Uint8Array(await file.arrayBuffer()));
      setOutcome(
        result.ok
          ? { kind: 'added', title: result.pack.title }
          : { kind: 'refused', errors: result.errors },
      );
    } catch (error) {
      setOutcome({ kind: 'refused', errors: [`The pack could not be read: ${String(error)}`] });
    } finally {
      setBusy(false);
      setVersion((n) => n + 1);
    }
  };

  return (
    <section aria-labelledby="packs-heading" id="packs">
      <h2 id="packs-heading">Data packs you added{packs ? ` (${packs.length})` : ''}</h2>
      <p class="muted">
        A data pack is a zip of official figures with their source documents (a Frictionless Data
        Package). It is checked in full in your browser, exactly as the extension’s own packs are,
        and nothing is sent anywhere. A pack may be at most{' '}
        {n(ADDED_PACK_CAPS.zipBytes / 1_000_000)} MB, with at most {n(ADDED_PACK_CAPS.files)} files
        and {n(ADDED_PACK_CAPS.rows)} rows in each table; you can keep up to {ADDED_PACK_CAPS.packs}{' '}
        packs.
      </p>
      {notice && (
        <div class="notice" role="alert">
          <p>{notice}</p>
          <button
            type="button"
            onClick={() => void dismissPacksNotice().then(() => setNotice(null))}
          >
            Dismiss
          </button>
        </div>
      )}
      <p class="toolbar">
        <label class="file-button">
          Add a data pack…
          <input
            type="file"
            accept=".zip,application/zip"
            disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file) void add(file);
            }}
          />
        </label>
        {busy && <span aria-busy="true">Checking the pack…</span>}
      </p>
      <div role="status" class="packs__outcome">
        {outcome?.kind === 'added' && <p>Added “{outcome.title}”.</p>}
      </div>
      {outcome?.kind === 'refused' && (
        <div class="notice packs__errors" role="alert">
          <p>
            The pack was not added: nothing from it is kept. Fix{' '}
            {outcome.errors.length === 1 ? 'this' : `these ${outcome.errors.length} problems`} and
            add it again:
          </p>
          <ul>
            {outcome.errors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {packs && packs.length === 0 && <p>No pack added.</p>}
      {packs && packs.length > 0 && (
        <ul class="packs">
          {packs.map((pack) => (
            <PackItem key={pack.name} pack={pack} onRemoved={() => setVersion((n) => n + 1)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PackItem({ pack, onRemoved }: { pack: AddedPack; onRemoved(): void }) {
  const figures = pack.dataset.figures.length;
  return (
    <li class="pack-item">
      <h3>{pack.title}</h3>
      <p>
        {pack.name} · version {pack.version} · {n(figures)} official{' '}
        {figures === 1 ? 'figure' : 'figures'}
        {pack.dataset.notHeld.length > 0 &&
          ` · ${n(pack.dataset.notHeld.length)} statements of data not held`}{' '}
        · added {formatDate(pack.addedAt.slice(0, 10))}
      </p>
      <p>Sources:</p>
      <ul>
        {pack.sources.map((source, i) => (
          <li key={i}>
            <SourceLink source={source} />
          </li>
        ))}
      </ul>
      <button
        type="button"
        aria-label={`Remove ${pack.title}`}
        onClick={() => void removeAddedPack(pack.name).then(onRemoved)}
      >
        Remove
      </button>
    </li>
  );
}

/** A pack's link, only when it is http(s); anything else is shown as plain text. */
function SourceLink({ source }: { source: AddedPackSource }) {
  if (/^https?:\/\//i.test(source.path)) {
    return (
      <a href={source.path} target="_blank" rel="noopener noreferrer">
        {source.title}
      </a>
    );
  }
  return <>{source.title}</>;
}
