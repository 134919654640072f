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
  retriedBadge: (attempt) => `Essai ${attempt}`,
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
  referenceRemove: 'Retirer l’image',
  referenceAlt: 'Aperçu de l’image de référence',
  referenceType: 'Utilisez une image PNG, JPEG ou WebP.',
  referenceNotImage:
    'Ce fichier n’est pas une image PNG, JPEG ou WebP, quel que soit son nom. Choisissez-en un autre.',
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
  errors: {
    invalid_request: 'Un élément de la demande est à corriger. Modifiez ce qui est indiqué, puis renvoyez :',
    unauthorized: 'Vous êtes déconnecté. Reconnectez-vous, puis renvoyez la demande.',
    forbidden: 'Vous n’avez pas le droit de faire cela. Contactez le site si vous pensez que si.',
    not_found: 'Cette vidéo n’existe plus ; elle a peut-être été supprimée ailleurs. Rechargez la page.',
    not_ready: 'Cette vidéo n’est pas encore terminée. Attendez qu’elle soit prête, puis réessayez.',
    conflict: 'Cette vidéo a changé entre-temps. Rechargez la page et réessayez.',
    payload_too_large: 'L’image est trop lourde. Choisissez-en une plus légère et renvoyez.',
    unsupported_media_type: 'Ce fichier n’est pas une image utilisable. Choisissez un PNG, JPEG ou WebP.',
    rate_limited: 'Vous créez des vidéos plus vite que permis. Attendez la fin du décompte, puis renvoyez.',
    quota_exceeded:
      'Vous avez utilisé toutes vos vidéos pour le moment. Attendez la fin du décompte ou contactez le site pour en avoir plus.',
    upstream_error:
      'Le service vidéo a refusé cette demande. Réessayez ; si l’échec se répète, modifiez la demande.',
    upstream_unavailable: 'Le service vidéo est saturé. Attendez la fin du décompte, puis renvoyez.',
    internal:
      'Un problème est survenu de notre côté. Réessayez dans un instant ; s’il persiste, contactez le site.',
    network_error: 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.',
    timeout: 'Cela a pris trop de temps. Réessayez ; une vidéo plus courte ou plus petite est plus rapide.',
    invalid_response: 'Le serveur a envoyé une réponse illisible. Réessayez, ou contactez le site.',
    moderation_blocked:
      'Cette demande a été refusée par la politique de contenu. Modifiez-la sans personnes réelles, marques ni détails violents.',
    invalid_reference:
      'L’image de référence est inutilisable. Essayez une autre image, ou générez sans image.',
    expired:
      'Le service vidéo ne conserve plus cette vidéo. Relancez-la pour la recréer à partir de la même demande.',
    upstream_failed:
      'Le service vidéo n’a pas pu créer cette vidéo. Relancez-la, ou modifiez la demande et générez à nouveau.',
  },
  errorUnknown: 'Un problème est survenu. Réessayez ; s’il persiste, contactez le site.',
  listLabel: 'Vos vidéos',
  status: { queued: 'En attente', in_progress: 'En cours', completed: 'Prête', failed: 'Échec' },
  progressLabel: (prompt) => `Progression de « ${prompt} »`,
  emptyTitle: 'Aucune vidéo pour l’instant',
  emptyBody: 'Décrivez une scène ci-dessus : vos vidéos apparaîtront ici.',
  loading: 'Chargement de vos vidéos…',
  loadingVideo: 'Chargement de la vidéo…',
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
  pause: 'Pause',
  seek: 'Position dans la vidéo',
  fullscreen: 'Plein écran',
  download: 'Télécharger',
  downloading: 'Préparation…',
  mediaError: 'La vidéo n’a pas pu être lue.',
  studioLabel: 'Studio vidéo',
};

registerLocale(fr);
