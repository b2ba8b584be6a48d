"""French text templates: history items, KB article bodies and live call transcripts.

Placeholders use ``str.format`` names: {first_name}, {last_name}, {label}, {agent},
{amount}, {date}, {ref}, {product}, {opening}. Everything here is what a French advisor
would write or hear; the generator picks among variants with a seeded RNG.
"""

from __future__ import annotations

LANG = "fr"

OUTCOMES: tuple[str, ...] = (
    "Demande traitée",
    "Information donnée",
    "Réclamation ouverte",
    "Rappel programmé",
    "Transmis au back-office",
    "En attente de justificatif",
    "Carte mise en opposition",
    "Rendez-vous fixé",
)

SUMMARIES: dict[str, tuple[str, ...]] = {
    "voice": (
        "Appel : {label}, {outcome_l}.",
        "Le client appelle pour « {label} » ; {outcome_l}.",
        "Appel entrant — {label}. Client {mood}.",
    ),
    "email": (
        "E-mail : {label}.",
        "Courriel reçu concernant « {label} ».",
        "Réponse envoyée par e-mail : {label}.",
    ),
    "chat": ("Chat : {label}.", "Conversation chat — {label}, {outcome_l}."),
    "sms": ("SMS : {label}.", "SMS envoyé au client : {label}."),
    "social": ("Message privé sur les réseaux sociaux : {label}.",),
    "callback": ("Rappel programmé : {label}.", "Rappel effectué — {label}."),
    "letter": ("Courrier scanné : {label}.", "Lettre recommandée reçue : {label}."),
    "web": ("Demande via l'espace client : {label}.", "Formulaire web : {label}."),
}

MOODS: tuple[str, ...] = ("calme", "agacé", "pressé", "inquiet", "satisfait", "mécontent")

VOICE_NOTES = (
    "Appel de {first_name} {last_name} au sujet de : {label}.\n"
    "Identification faite (date de naissance et code postal).\n"
    "Le client explique : « {opening} »\n"
    "Vérifications effectuées sur {product}. {detail}\n"
    "Résultat : {outcome}. Référence du dossier {ref}.\n"
    "Client {mood} en fin d'appel."
)

DETAILS: tuple[str, ...] = (
    "Opération de {amount} € du {date} retrouvée dans l'historique.",
    "Aucune anomalie visible côté système, ticket transmis au service concerné.",
    "Le client a reçu un SMS de confirmation pendant l'appel.",
    "Un geste commercial de {amount} € a été proposé et accepté.",
    "Délai de traitement annoncé : 48 heures ouvrées.",
    "Le client doit envoyer un justificatif depuis son espace client.",
)

EMAIL_BODY = (
    "Objet : {label}\n\n"
    "Bonjour,\n\n"
    "{opening}\n"
    "Pourriez-vous me répondre rapidement ? Mon numéro de dossier est {ref}.\n\n"
    "Cordialement,\n{first_name} {last_name}\n\n"
    "--- Réponse de {agent} ---\n"
    "Bonjour {first_name} {last_name},\n\n"
    "Nous avons bien reçu votre message. {detail}\n"
    "Nous restons à votre disposition.\n\n"
    "Bien cordialement,\n{agent}, service client"
)

CHAT_BODY = (
    "[{time1}] {first_name} : {opening}\n"
    "[{time1}] {agent} : Bonjour {first_name}, je regarde votre dossier tout de suite.\n"
    "[{time2}] {agent} : {detail}\n"
    "[{time2}] {first_name} : D'accord, merci beaucoup.\n"
    "[{time3}] {agent} : Je vous en prie, bonne journée !"
)

SMS_BODY = (
    "Bonjour {first_name}, suite à votre demande ({label}) : {detail} "
    "Réf. {ref}. Votre service client."
)

SOCIAL_BODY = (
    "@{handle} : {opening}\n"
    "Service client : Bonjour {first_name}, pouvez-vous nous écrire en message privé avec "
    "votre référence ? Nous nous en occupons.\n"
    "@{handle} : C'est fait, merci."
)

CALLBACK_BODY = (
    "Rappel demandé le {date} pour : {label}.\n"
    "Créneau souhaité : {slot}.\n"
    "Rappel effectué par {agent}. {detail}\nRésultat : {outcome}."
)

LETTER_BODY = (
    "{first_name} {last_name}\n{street}\n{postcode} {city}\n\n"
    "Objet : {label}\n\nMadame, Monsieur,\n\n"
    "Par la présente, je vous signale le problème suivant : {opening_lower}\n"
    "Je vous prie de bien vouloir traiter ma demande dans les meilleurs délais "
    "(référence {ref}).\n\n"
    "Veuillez agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n"
    "{first_name} {last_name}\n\n[Courrier numérisé le {date} — 1 page]"
)

WEB_BODY = (
    "Formulaire « Nouvelle demande » de l'espace client\n"
    "Motif : {label}\nProduit : {product}\nMessage : {opening}\n"
    "Traitement : {detail}"
)

SLOTS: tuple[str, ...] = ("9 h – 12 h", "12 h – 14 h", "14 h – 17 h", "17 h – 19 h")

# ---------------------------------------------------------------- KB

KB_INTRO = (
    "Cette fiche explique comment traiter une demande « {label} ». "
    "Elle s'applique aux clients particuliers, professionnels et premium."
)

KB_STEPS: dict[str, tuple[str, ...]] = {
    "card": (
        "Identifier le client (date de naissance, code postal) et la carte concernée.",
        "Vérifier l'état de la carte dans l'outil Cartes : active, en opposition, expirée.",
        "Si la carte est perdue, volée ou compromise : faire opposition immédiatement.",
        "Proposer la commande d'une nouvelle carte (délai 5 à 7 jours ouvrés, envoi express "
        "possible).",
        "Rappeler que le code PIN est conservé sauf en cas de compromission.",
    ),
    "payment": (
        "Retrouver l'opération (date, montant, commerçant) dans l'historique des paiements.",
        "Distinguer opération en attente, débitée, annulée ou remboursée.",
        "Pour une opération non reconnue : ouvrir une contestation et faire opposition si besoin.",
        "Pour des frais : vérifier la grille tarifaire du produit du client.",
        "Indiquer le délai de traitement (jusqu'à 10 jours ouvrés pour une contestation).",
    ),
    "cash": (
        "Retrouver le retrait (distributeur, date, heure, montant).",
        "Vérifier si le distributeur appartient à notre réseau (retrait gratuit) ou non.",
        "En cas d'écart de montant ou de carte avalée : ouvrir une réclamation distributeur.",
        "Proposer une carte de remplacement si la carte n'est pas restituée sous 48 h.",
    ),
    "transfer": (
        "Retrouver le virement (bénéficiaire, IBAN, montant, date d'exécution).",
        "Un virement SEPA est crédité en 1 jour ouvré ; un virement instantané en 10 secondes.",
        "Un virement exécuté ne peut pas être annulé ; proposer une demande de retour de fonds.",
        "Vérifier les plafonds et l'ajout récent du bénéficiaire (délai de sécurité de 72 h).",
    ),
    "topup": (
        "Vérifier le moyen de rechargement utilisé (carte, virement, espèces, chèque).",
        "Contrôler les plafonds de rechargement et les frais éventuels.",
        "Un rechargement en attente est traité sous 24 h ; au-delà, ouvrir un ticket.",
        "Un rechargement annulé est recrédité sur le moyen de paiement d'origine.",
    ),
    "account": (
        "Identifier le client et le compte concerné.",
        "Expliquer les conditions du produit (tarifs, pays, devises, âge minimum).",
        "Pour une modification de coordonnées : demander un justificatif de moins de trois mois.",
        "Pour une clôture : vérifier l'absence d'opérations en cours et de découvert.",
    ),
    "identity": (
        "Expliquer l'obligation réglementaire de connaissance client (KYC).",
        "Lister les pièces acceptées : carte d'identité, passeport, titre de séjour.",
        "En cas d'échec de la vérification en ligne : proposer un rendez-vous en agence.",
        "Ne jamais demander un mot de passe ou un code complet au téléphone.",
    ),
    "energy": (
        "Identifier le client, le point de livraison (PDL) et le contrat.",
        "Consulter les derniers index relevés (Linky) et les factures.",
        "Proposer un échéancier si la facture dépasse 150 € ou en cas de difficulté.",
        "En cas d'odeur de gaz : faire évacuer et appeler le numéro d'urgence gaz.",
        "Confirmer par e-mail les changements de contrat ou de mensualité.",
    ),
    "telecom": (
        "Identifier la ligne et l'équipement (box, décodeur, carte SIM).",
        "Lancer un diagnostic à distance de la ligne depuis l'outil Réseau.",
        "Faire redémarrer la box (débrancher 30 secondes) avant toute intervention.",
        "Si le défaut persiste : planifier l'intervention d'un technicien.",
        "Pour une résiliation : rappeler le délai de rétractation de 14 jours.",
    ),
}

KB_BODY = (
    "# {label}\n\n{intro}\n\n## Ce que dit le client\n\n> {opening}\n\n"
    "## Procédure\n\n{steps}\n\n## À dire au client\n\n{script}\n\n"
    "## Bon à savoir\n\n- Mots-clés : {keywords}\n- Mise à jour : fiche relue par le "
    "service Qualité.\n"
)

KB_SCRIPT = (
    "« Je comprends, {label_lower} : je m'en occupe tout de suite et je vous confirme "
    "chaque étape par SMS. »"
)

KB_QUESTION_VARIANTS: tuple[str, ...] = (
    "Comment traiter : {label_lower} ?",
    "Que faire en cas de {label_lower} ?",
)

KB_TOPICS: tuple[str, ...] = (
    "Frais facturés",
    "Délais de traitement",
    "Cas particuliers des clients premium",
)

# ---------------------------------------------------------------- transcripts

AGENT_GREETING = "Bonjour, {agent} du service client, que puis-je faire pour vous ?"

TRANSCRIPT_FLOW: dict[str, tuple[tuple[str, str], ...]] = {
    "card": (
        (
            "agent",
            "Je vais d'abord vérifier votre identité : votre date de naissance, s'il vous plaît ?",
        ),
        ("customer", "Le 12 mars 1978."),
        ("agent", "Merci. Je vois votre carte Visa Premier se terminant par 4821."),
        ("customer", "Oui, c'est bien celle-là. Est-ce que vous pouvez la bloquer ?"),
        ("agent", "C'est fait, la carte est en opposition. Je vous en commande une nouvelle."),
        ("customer", "Je la recevrai quand ?"),
        ("agent", "Sous cinq à sept jours ouvrés à votre adresse habituelle."),
        ("customer", "Parfait, merci beaucoup."),
    ),
    "payment": (
        ("agent", "Pouvez-vous me donner la date et le montant de l'opération ?"),
        ("customer", "C'était mardi, 89 euros 90, chez un site que je ne connais pas."),
        ("agent", "Je la vois. Elle est encore en attente chez le commerçant."),
        ("customer", "Je n'ai jamais fait cet achat, je veux la contester."),
        ("agent", "Je lance la contestation et je mets la carte en opposition par précaution."),
        ("customer", "Et je serai remboursé ?"),
        ("agent", "Oui, le remboursement intervient sous dix jours ouvrés au plus tard."),
    ),
    "cash": (
        ("agent", "De quel distributeur s'agit-il, et à quelle heure ?"),
        ("customer", "Celui de la place de la Mairie, vers 18 heures."),
        (
            "agent",
            "Je vois bien le retrait. J'ouvre une réclamation auprès du gestionnaire du "
            "distributeur.",
        ),
        ("customer", "Ça prend combien de temps ?"),
        ("agent", "Comptez une dizaine de jours ; vous recevrez un SMS à chaque étape."),
    ),
    "transfer": (
        ("agent", "Quel est le montant et le nom du bénéficiaire ?"),
        ("customer", "750 euros, pour mon propriétaire, monsieur Petit."),
        ("agent", "Le virement est parti hier, il sera crédité demain matin."),
        ("customer", "On ne peut pas accélérer ?"),
        ("agent", "Pour la prochaine fois, le virement instantané arrive en dix secondes."),
        ("customer", "D'accord, je note."),
    ),
    "topup": (
        ("agent", "Avec quel moyen de paiement avez-vous rechargé ?"),
        ("customer", "Avec ma carte d'une autre banque."),
        (
            "agent",
            "Le rechargement est en cours de vérification, il sera disponible sous 24 heures.",
        ),
        ("customer", "Il n'y a pas de frais ?"),
        ("agent", "Non, pas de frais jusqu'à 1 000 euros par mois."),
    ),
    "account": (
        (
            "agent",
            "Je vais regarder votre compte. Vous êtes bien monsieur ou madame le titulaire ?",
        ),
        ("customer", "Oui, c'est mon compte personnel."),
        ("agent", "Très bien. Je vous envoie la marche à suivre par e-mail."),
        ("customer", "Il faudra un justificatif ?"),
        ("agent", "Oui, un justificatif de domicile de moins de trois mois."),
    ),
    "identity": (
        ("agent", "C'est une obligation réglementaire, je vous explique."),
        ("customer", "J'ai déjà envoyé ma carte d'identité deux fois."),
        ("agent", "La photo était floue. Vous pouvez aussi utiliser votre passeport."),
        ("customer", "Et si ça ne marche toujours pas ?"),
        ("agent", "Je vous propose un rendez-vous en agence pour finaliser."),
    ),
    "energy": (
        ("agent", "Pouvez-vous me donner votre numéro de point de livraison ou votre adresse ?"),
        ("customer", "12 rue des Lilas à Nantes."),
        ("agent", "Je vois votre contrat électricité, option heures creuses."),
        ("customer", "La dernière facture est énorme, 312 euros."),
        (
            "agent",
            "Il s'agit d'une régularisation après relevé Linky. Je peux vous proposer un "
            "échéancier en trois fois.",
        ),
        ("customer", "Oui, ça m'arrangerait."),
        ("agent", "C'est fait, vous recevez la confirmation par e-mail."),
    ),
    "telecom": (
        ("agent", "Je lance un diagnostic de votre ligne, un instant."),
        ("customer", "La box clignote en rouge depuis hier."),
        ("agent", "Je vois une coupure sur la ligne fibre. Pouvez-vous redémarrer la box ?"),
        ("customer", "C'est fait, toujours rouge."),
        ("agent", "Je planifie l'intervention d'un technicien jeudi matin, ça vous convient ?"),
        ("customer", "Oui, jeudi c'est bien."),
    ),
}

AGENT_CLOSING = "Puis-je faire autre chose pour vous ?"
CUSTOMER_CLOSING = "Non, c'est tout, merci. Bonne journée !"
