/**
 * The French pack. Importing this module registers it, so `lang="fr"` (on an element or any
 * ancestor) picks it; `strings = { ...fr, … }` uses it whatever the page's language.
 *
 * ```ts
 * import '@sora-kit/elements';
 * import '@sora-kit/elements/locales/fr';
 * ```
 */
import { registerLocale, type SoraStrings } from '../shared/strings.js';

/** French. */
export const fr: SoraStrings = {
  locale: 'fr',
  promptLabel: 'Décrivez votre vidéo',
  promptPlaceholder: 'Un bateau en papier descend une rue pluvieuse au crépuscule, gros plan, lumière douce…',
  remixLabel: 'Décrivez ce qui change',
  remixBadge: 'Remix',
  referenceBadge: 'À partir d’une image',
  charCount: (used, max) => `${used.toLocaleString('fr')} / ${max.toLocaleString('fr')}`,
  promptEmpty: 'Décrivez la vidéo pour la générer.',
  promptTooLong: (over) =>
    `${over.toLocaleString('fr')} caractères de trop ; raccourcissez le texte pour l’envoyer.`,
  model: 'Modèle',
  size: 'Format',
  length: 'Durée',
  seconds: (n) => `${n} ${new Intl.PluralRules('fr').select(n) === 'one' ? 'seconde' : 'secondes'}`,
  orientation: { landscape: 'Paysage', portrait: 'Portrait', square: 'Carré' },
  reference: 'Image de référence',
  referenceAdd: 'Ajouter une image',
  referenceHint: 'Déposez, collez ou choisissez une image PNG, JPEG ou WebP de départ',
  referenceRemove: 'Retirer l’image',
  referenceAlt: 'Aperçu de l’image de référence',
  referenceType: 'Utilisez une image PNG, JPEG ou WebP.',
  referenceTooLarge: (max) => `Cette image est trop lourde ; la limite est de ${max}.`,
  estimatedCost: (usd) => `Coût estimé ${usd}`,
  submit: 'Générer',
  submitting: 'Envoi…',
  shortcutHint: 'Ctrl+Entrée pour envoyer',
  shortcutHintMac: '⌘+Entrée pour envoyer',
  remixing: (prompt) => `Remix de « ${prompt} »`,
  remixSubmit: 'Remixer',
  cancelRemix: 'Annuler le remix',
  retryIn: (s) => `Vous pourrez réessayer dans ${s} s.`,
  errorRateLimited: 'Trop de demandes pour le moment.',
  errorQuota: 'Vous avez atteint votre quota de vidéos.',
  errorModeration:
    'Cette demande a été refusée par la politique de contenu. Reformulez-la sans personnes réelles, marques ni détails violents.',
  errorNetwork: 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.',
  errorInvalid: 'Vérifiez la demande :',
  errorUnknown: 'Un problème est survenu. Réessayez.',
  dismiss: 'Fermer',
  listLabel: 'Vos vidéos',
  status: { queued: 'En attente', in_progress: 'En cours', completed: 'Prête', failed: 'Échec' },
  progressLabel: (prompt) => `Progression de « ${prompt} »`,
  emptyTitle: 'Aucune vidéo pour l’instant',
  emptyBody: 'Décrivez une scène ci-dessus : vos vidéos apparaîtront ici.',
  loading: 'Chargement de vos vidéos…',
  loadError: 'Impossible de charger vos vidéos.',
  tryAgain: 'Réessayer',
  loadMore: 'Afficher plus',
  offline:
    'Vous êtes hors ligne. Les vidéos continuent d’être créées ; la progression reprendra au retour de la connexion.',
  play: 'Lire',
  retry: 'Relancer',
  remix: 'Remixer',
  reusePrompt: 'Réutiliser',
  delete: 'Supprimer',
  confirmDelete: 'Supprimer cette vidéo ?',
  confirmYes: 'Supprimer',
  cancel: 'Annuler',
  deleted: 'Vidéo supprimée',
  announceStatus: (prompt, status) => `« ${prompt} » : ${status}`,
  playerEmpty: 'Sélectionnez une vidéo pour la lire ici.',
  playerLabel: 'Lecteur vidéo',
  queuedBody: 'En attente d’un créneau…',
  inProgressBody: (percent) => `Génération… ${percent}`,
  failedTitle: 'Cette vidéo n’a pas pu être créée',
  editPrompt: 'Modifier la demande',
  download: 'Télécharger',
  downloading: 'Préparation…',
  previewLabel: 'Aperçu de la timeline',
  mediaError: 'La vidéo n’a pas pu être lue.',
  studioLabel: 'Studio vidéo',
};

registerLocale(fr);
