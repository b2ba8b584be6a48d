"""Fixed reference lists of the sandbox: queues, wrap-up and not-ready codes, experts, products.

These are small hand-written tables (not random) so documentation and tests can name them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Queue:
    id: str
    name: str
    skills: tuple[str, ...]
    service_level_target_seconds: int
    acw_limit_seconds: int
    wrap_up_code_required: bool = False


QUEUES: tuple[Queue, ...] = (
    Queue("particuliers", "Particuliers", ("banque", "comptes", "virements"), 20, 60),
    Queue("professionnels", "Professionnels", ("banque", "professionnels", "credit"), 30, 90, True),
    Queue("cartes", "Cartes et paiements", ("cartes", "fraude", "paiements"), 15, 45, True),
    Queue("energie", "Énergie et télécom", ("energie", "fibre", "mobile"), 40, 120),
)
QUEUES_BY_ID: dict[str, Queue] = {q.id: q for q in QUEUES}

# code, label_fr, label_en
WRAP_UP_CODES: tuple[tuple[str, str, str], ...] = (
    ("resolved", "Demande traitée", "Request resolved"),
    ("info_given", "Information donnée", "Information given"),
    ("card_blocked", "Carte mise en opposition", "Card blocked"),
    ("claim_opened", "Réclamation ouverte", "Claim opened"),
    ("callback_planned", "Rappel programmé", "Callback planned"),
    ("transferred_back_office", "Transmis au back-office", "Passed to back office"),
    ("appointment_set", "Rendez-vous fixé", "Appointment set"),
    ("sale", "Vente réalisée", "Sale made"),
    ("complaint", "Réclamation client", "Complaint"),
    ("wrong_number", "Faux numéro", "Wrong number"),
)

NOT_READY_REASONS: tuple[tuple[str, str, str], ...] = (
    ("login", "Connexion", "Logged in"),
    ("lunch", "Pause déjeuner", "Lunch"),
    ("training", "Formation", "Training"),
    ("break", "Pause", "Break"),
    ("meeting", "Réunion", "Meeting"),
    ("back_office", "Tâches administratives", "Back-office work"),
    ("missed", "Appel manqué", "Missed call"),
)
NOT_READY_CODES = frozenset(c for c, _, _ in NOT_READY_REASONS)
WRAP_UP_CODE_SET = frozenset(c for c, _, _ in WRAP_UP_CODES)


@dataclass(frozen=True, slots=True)
class ExpertSeed:
    id: str
    name: str
    department: str
    skills: tuple[str, ...]
    phone: str


EXPERTS: tuple[ExpertSeed, ...] = (
    ExpertSeed(
        "exp-01", "Nathalie Rousseau", "Crédit immobilier", ("credit", "immobilier"), "+33140000101"
    ),
    ExpertSeed(
        "exp-02",
        "Julien Garnier",
        "Fraude et litiges",
        ("fraude", "cartes", "litiges"),
        "+33140000102",
    ),
    ExpertSeed(
        "exp-03",
        "Camille Chevalier",
        "Gestion de patrimoine",
        ("patrimoine", "epargne", "premium"),
        "+33140000103",
    ),
    ExpertSeed(
        "exp-04", "Thomas Fontaine", "Professionnels", ("professionnels", "credit"), "+33140000104"
    ),
    ExpertSeed(
        "exp-05", "Émilie Morel", "Successions", ("succession", "juridique"), "+33140000105"
    ),
    ExpertSeed(
        "exp-06", "Karim Benali", "Support technique fibre", ("fibre", "box", "tv"), "+33140000106"
    ),
    ExpertSeed(
        "exp-07", "Laura Girard", "Facturation énergie", ("energie", "facturation"), "+33140000107"
    ),
    ExpertSeed(
        "exp-08",
        "Pierre Lambert",
        "Raccordement et compteurs",
        ("energie", "compteur", "raccordement"),
        "+33140000108",
    ),
    ExpertSeed("exp-09", "Sarah Mercier", "Assurances", ("assurance", "sinistres"), "+33140000109"),
    ExpertSeed(
        "exp-10", "Antoine Faure", "Moyens de paiement", ("cartes", "paiements"), "+33140000110"
    ),
    ExpertSeed(
        "exp-11",
        "Hélène Bonnet",
        "Recouvrement amiable",
        ("recouvrement", "energie"),
        "+33140000111",
    ),
    ExpertSeed(
        "exp-12",
        "David Clément",
        "Mobile et portabilité",
        ("mobile", "portabilite"),
        "+33140000112",
    ),
)

PRESENCES: tuple[str, ...] = (
    "available",
    "busy",
    "in_a_call",
    "away",
    "do_not_disturb",
    "offline",
)

# kind, French name, English name, segments that may hold it
PRODUCTS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("compte_courant", "Compte courant", "Current account", ("particulier", "premium")),
    ("compte_pro", "Compte professionnel", "Business account", ("professionnel",)),
    ("carte_visa_classic", "Carte Visa Classic", "Visa Classic card", ("particulier",)),
    ("carte_visa_premier", "Carte Visa Premier", "Visa Premier card", ("particulier", "premium")),
    ("carte_infinite", "Carte Visa Infinite", "Visa Infinite card", ("premium",)),
    ("carte_business", "Carte Business", "Business card", ("professionnel",)),
    ("livret_a", "Livret A", "Livret A savings", ("particulier", "premium")),
    ("ldds", "Livret de développement durable", "LDDS savings", ("particulier", "premium")),
    ("pel", "Plan épargne logement", "Home savings plan", ("particulier", "premium")),
    ("assurance_vie", "Assurance vie", "Life insurance", ("premium",)),
    ("pret_immo", "Prêt immobilier", "Mortgage", ("particulier", "premium")),
    ("pret_pro", "Prêt professionnel", "Business loan", ("professionnel",)),
    ("tpe", "Terminal de paiement", "Card terminal", ("professionnel",)),
    (
        "offre_fibre",
        "Offre fibre 1 Gb/s",
        "1 Gb/s fibre",
        ("particulier", "premium", "professionnel"),
    ),
    (
        "forfait_mobile",
        "Forfait mobile 100 Go",
        "100 GB mobile plan",
        ("particulier", "premium", "professionnel"),
    ),
    (
        "contrat_electricite",
        "Contrat électricité",
        "Electricity contract",
        ("particulier", "premium", "professionnel"),
    ),
    ("contrat_gaz", "Contrat gaz naturel", "Gas contract", ("particulier", "premium")),
)
