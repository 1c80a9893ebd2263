/** Catalogue entries of the curated reference lists in reference/ (see reference/README.md); names and descriptions in German and English. */
import { entry, type IndicatorInfo } from './indicator-entry.js';

/** Membership flags from the curated lists in reference/ (one list per id; see reference/README.md). */
export const REFERENCE_INDICATORS: IndicatorInfo[] = [
  entry('regime.wassenaar', 'reference', '1 = participating state, 0 = not', 'Wassenaar Arrangement participating state', 'Teilnehmerstaat des Wassenaar-Abkommens',
    '1 when the state was a participating state of the Wassenaar Arrangement at the end of the year (reference list reference/wassenaar.csv; join dates per state).',
    '1, wenn der Staat am Jahresende Teilnehmerstaat des Wassenaar-Abkommens war (Referenzliste reference/wassenaar.csv; Beitrittsdaten je Staat).'),
  entry('treaty.npt', 'reference', '1 = party, 0 = not a party', 'Party to the Non-Proliferation Treaty (NPT)', 'Vertragsstaat des Atomwaffensperrvertrags (NVV)',
    '1 when the state was a party to the NPT at the end of the year (reference list reference/npt.csv: every UN member state except the listed ones).',
    '1, wenn der Staat am Jahresende Vertragsstaat des NVV war (Referenzliste reference/npt.csv: alle UN-Mitgliedstaaten außer den aufgeführten).'),
  entry('treaty.bwc', 'reference', '1 = party, 0 = not a party', 'Party to the Biological Weapons Convention (BWC)', 'Vertragsstaat des Biowaffenübereinkommens (BWÜ)',
    '1 when the state was a party to the BWC at the end of the year (reference list reference/bwc.csv: every UN member state except the listed ones).',
    '1, wenn der Staat am Jahresende Vertragsstaat des BWÜ war (Referenzliste reference/bwc.csv: alle UN-Mitgliedstaaten außer den aufgeführten).'),
  entry('treaty.hcoc', 'reference', '1 = subscribing state, 0 = not', 'Hague Code of Conduct subscribing state', 'Unterzeichnerstaat des Haager Verhaltenskodex',
    '1 when the state subscribed to the Hague Code of Conduct against Ballistic Missile Proliferation (HCoC) by the end of the year (reference list, when one is bundled).',
    '1, wenn der Staat bis zum Jahresende den Haager Verhaltenskodex gegen die Verbreitung ballistischer Raketen (HCoC) unterzeichnet hatte (Referenzliste, sofern vorhanden).'),
  entry('treaty.rome_statute', 'reference', '1 = party, 0 = not a party', 'Party to the Rome Statute (ICC)', 'Vertragsstaat des Römischen Statuts (IStGH)',
    '1 when the Rome Statute of the International Criminal Court was in force for the state at the end of the year (reference list reference/rome-statute.csv; entry into force and withdrawals per state).',
    '1, wenn das Römische Statut des Internationalen Strafgerichtshofs am Jahresende für den Staat in Kraft war (Referenzliste reference/rome-statute.csv; Inkrafttreten und Austritte je Staat).'),
];
