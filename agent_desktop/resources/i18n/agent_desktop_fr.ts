<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgentStateSelector</name>
    <message>
        <location filename="../../ui/agent_state.py" line="46"/>
        <location filename="../../ui/agent_state.py" line="58"/>
        <source>Choose your state</source>
        <translation>Choisir votre état</translation>
    </message>
    <message>
        <location filename="../../ui/agent_state.py" line="51"/>
        <source>Ready / not ready</source>
        <translation>Disponible / indisponible</translation>
    </message>
    <message>
        <location filename="../../ui/agent_state.py" line="117"/>
        <source>Next state: %1</source>
        <translation>Prochain état : %1</translation>
    </message>
</context>
<context>
    <name>Alert</name>
    <message>
        <location filename="../../ui/alert.py" line="27"/>
        <source>Number withheld</source>
        <translation>Numéro masqué</translation>
    </message>
</context>
<context>
    <name>ArticleReader</name>
    <message>
        <location filename="../../ui/kb_panel.py" line="222"/>
        <source>Plain text</source>
        <translation>Texte brut</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="225"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
</context>
<context>
    <name>BoardCanvas</name>
    <message>
        <location filename="../../ui/wallboard/board.py" line="178"/>
        <source>Waiting for the first figures…</source>
        <translation>En attente des premiers chiffres…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="192"/>
        <source>Queues</source>
        <translation>Files d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="195"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="200"/>
        <source>rotation paused (Space)</source>
        <translation>rotation en pause (Espace)</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="211"/>
        <source>CRITICAL</source>
        <translation>CRITIQUE</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="211"/>
        <source>WARNING</source>
        <translation>ALERTE</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="215"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="216"/>
        <source>Longest wait</source>
        <translation>Attente max.</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="217"/>
        <source>Service level</source>
        <translation>Niveau de service</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="218"/>
        <source>Abandoned</source>
        <translation>Abandons</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="321"/>
        <source>Ready</source>
        <translation>Disponibles</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="322"/>
        <source>Busy</source>
        <translation>En appel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="323"/>
        <source>Wrap-up</source>
        <translation>Post-appel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="324"/>
        <source>Not ready</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="345"/>
        <source>No one on pause</source>
        <translation>Personne en pause</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="365"/>
        <source>back to normal</source>
        <translation>retour à la normale</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="369"/>
        <source>%1 %2: %3 %4 — %5</source>
        <translation>%1 %2 : %3 %4 — %5</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="384"/>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/board.py" line="395"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>CallAlerter</name>
    <message>
        <location filename="../../ui/alert.py" line="115"/>
        <source>Incoming call</source>
        <translation>Appel entrant</translation>
    </message>
</context>
<context>
    <name>CallBar</name>
    <message>
        <location filename="../../ui/call_bar.py" line="43"/>
        <source>Answer</source>
        <translation>Décrocher</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="44"/>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="45"/>
        <location filename="../../ui/call_bar.py" line="136"/>
        <source>Hold</source>
        <translation>Mettre en attente</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="46"/>
        <location filename="../../ui/call_bar.py" line="142"/>
        <source>Mute</source>
        <translation>Couper le micro</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="47"/>
        <source>Keypad</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="49"/>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="51"/>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="136"/>
        <source>Retrieve</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="142"/>
        <source>Unmute</source>
        <translation>Rétablir le micro</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="160"/>
        <source>No call</source>
        <translation>Aucun appel</translation>
    </message>
    <message>
        <location filename="../../ui/call_bar.py" line="166"/>
        <source>Queue: %1</source>
        <translation>File : %1</translation>
    </message>
</context>
<context>
    <name>CallContextStrip</name>
    <message>
        <location filename="../../ui/call_context.py" line="36"/>
        <source>Reason for calling</source>
        <translation>Motif d&apos;appel</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="37"/>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="38"/>
        <source>Waited</source>
        <translation>Attente</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="39"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="40"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="41"/>
        <source>Identification</source>
        <translation>Identification</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="65"/>
        <source>In progress…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="67"/>
        <source>Not identified</source>
        <translation>Non identifié</translation>
    </message>
    <message>
        <location filename="../../ui/call_context.py" line="69"/>
        <source>Several matches</source>
        <translation>Plusieurs correspondances</translation>
    </message>
</context>
<context>
    <name>CallbackList</name>
    <message>
        <location filename="../../ui/extended/window.py" line="75"/>
        <source>Call back</source>
        <translation>Rappeler</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="78"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="99"/>
        <source>Missed call</source>
        <translation>Appel manqué</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="99"/>
        <source>Callback</source>
        <translation>Rappel demandé</translation>
    </message>
</context>
<context>
    <name>ChannelFilter</name>
    <message numerus="yes">
        <location filename="../../ui/channel_filter.py" line="111"/>
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n canal</numerusform>
            <numerusform>%n canaux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContributionDialog</name>
    <message>
        <location filename="../../ui/kb_contribution.py" line="44"/>
        <source>Propose a fix: %1</source>
        <translation>Proposer une correction : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="46"/>
        <source>Propose a new article</source>
        <translation>Proposer une nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="53"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="54"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="58"/>
        <source>The article, in Markdown</source>
        <translation>La fiche, en Markdown</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="61"/>
        <source>How customers ask it, one per line</source>
        <translation>Comment les clients le demandent, une formulation par ligne</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="72"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="73"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="74"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="75"/>
        <source>Example questions</source>
        <translation>Exemples de questions</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="80"/>
        <source>Submit for review</source>
        <translation>Envoyer pour relecture</translation>
    </message>
    <message>
        <location filename="../../ui/kb_contribution.py" line="98"/>
        <source>Not submitted: %1</source>
        <translation>Non envoyée : %1</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/crash.py" line="80"/>
        <source>Agent Desktop met an unexpected error (%1) and may not work correctly.

Your unsent wrap-ups and notes are saved on this computer. Restart now? They will come back.</source>
        <translation>Agent Desktop a rencontré une erreur inattendue (%1) et risque de mal fonctionner.

Vos qualifications non envoyées et vos notes sont enregistrées sur ce poste. Redémarrer maintenant ? Elles seront restaurées.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="88"/>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="91"/>
        <source>Keep working</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../ui/customer_card.py" line="67"/>
        <source>Identifying the caller…</source>
        <translation>Identification de l&apos;appelant…</translation>
    </message>
    <message>
        <location filename="../../ui/customer_card.py" line="78"/>
        <location filename="../../ui/customer_card.py" line="83"/>
        <location filename="../../ui/customer_card.py" line="182"/>
        <source>Search for a customer</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <location filename="../../ui/customer_card.py" line="161"/>
        <source>Unknown caller</source>
        <translation>Appelant inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/customer_card.py" line="172"/>
        <source>Number withheld</source>
        <translation>Numéro masqué</translation>
    </message>
</context>
<context>
    <name>CustomerChooser</name>
    <message>
        <location filename="../../ui/customer_chooser.py" line="20"/>
        <source>★ VIP</source>
        <translation>★ VIP</translation>
    </message>
    <message>
        <location filename="../../ui/customer_chooser.py" line="82"/>
        <source>Several customers share this number</source>
        <translation>Plusieurs clients partagent ce numéro</translation>
    </message>
    <message>
        <location filename="../../ui/customer_chooser.py" line="84"/>
        <source>Ask the caller&apos;s name, then choose with the arrows and Enter.</source>
        <translation>Demandez le nom de l&apos;appelant, puis choisissez avec les flèches et Entrée.</translation>
    </message>
</context>
<context>
    <name>CustomerDetails</name>
    <message>
        <location filename="../../ui/customer_details.py" line="29"/>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="30"/>
        <source>suspended</source>
        <translation>suspendu</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="31"/>
        <source>blocked</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="32"/>
        <source>being opened</source>
        <translation>en cours d&apos;ouverture</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="33"/>
        <source>terminated</source>
        <translation>résilié</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="46"/>
        <source>status: %1</source>
        <translation>statut : %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="52"/>
        <source>since %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="92"/>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="95"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="96"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="97"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="115"/>
        <source>Products and contracts</source>
        <translation>Produits et contrats</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="145"/>
        <source>Customer since %1</source>
        <translation>Client depuis %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="147"/>
        <source>Customer no. %1</source>
        <translation>N° client %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_details.py" line="160"/>
        <source>No product on record</source>
        <translation>Aucun produit enregistré</translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <location filename="../../ui/customer_search.py" line="44"/>
        <source>Unknown caller</source>
        <translation>Appelant inconnu</translation>
    </message>
    <message>
        <location filename="../../ui/customer_search.py" line="48"/>
        <source>Name, email or phone number</source>
        <translation>Nom, e-mail ou numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/customer_search.py" line="52"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../ui/customer_search.py" line="86"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../ui/customer_search.py" line="100"/>
        <source>No customer found. Check the spelling or try the number.</source>
        <translation>Aucun client trouvé. Vérifiez l&apos;orthographe ou essayez le numéro.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/customer_search.py" line="103"/>
        <source>%n customer(s) found — arrows and Enter to choose</source>
        <translation>
            <numerusform>%n client trouvé — flèches et Entrée pour choisir</numerusform>
            <numerusform>%n clients trouvés — flèches et Entrée pour choisir</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <location filename="../../ui/docks.py" line="31"/>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location filename="../../ui/docks.py" line="32"/>
        <source>An AI summary of past exchanges and of this call will appear here: reason, promises made, open issues, sentiment and a suggested next step.</source>
        <translation>La synthèse IA des échanges passés et de cet appel s&apos;affichera ici : motif, engagements pris, points en suspens, ressenti du client et prochaine action suggérée.</translation>
    </message>
    <message>
        <location filename="../../ui/docks.py" line="41"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../ui/docks.py" line="42"/>
        <source>The customer&apos;s past interactions across every channel will appear here, newest first, with filters and search.</source>
        <translation>L&apos;historique des contacts du client sur tous les canaux s&apos;affichera ici, du plus récent au plus ancien, avec filtres et recherche.</translation>
    </message>
    <message>
        <location filename="../../ui/docks.py" line="51"/>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <location filename="../../ui/docks.py" line="52"/>
        <source>Articles matching the call&apos;s reason will be suggested here as the conversation goes on.</source>
        <translation>Les fiches correspondant au motif d&apos;appel seront proposées ici au fil de la conversation.</translation>
    </message>
    <message>
        <location filename="../../ui/docks.py" line="61"/>
        <source>Plugins</source>
        <translation>Extensions</translation>
    </message>
    <message>
        <location filename="../../ui/docks.py" line="62"/>
        <source>Panels added by plugins (expert presence, supervised transfer, conference) will appear here.</source>
        <translation>Les panneaux ajoutés par les extensions (présence des experts, transfert supervisé, conférence) s&apos;afficheront ici.</translation>
    </message>
</context>
<context>
    <name>DtmfPad</name>
    <message>
        <location filename="../../ui/dtmf_pad.py" line="50"/>
        <source>Type or click the digits; Escape closes the keypad.</source>
        <translation>Tapez ou cliquez les chiffres ; Échap ferme le clavier.</translation>
    </message>
</context>
<context>
    <name>ExtendedWindow</name>
    <message>
        <location filename="../../ui/extended/window.py" line="203"/>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="160"/>
        <source>Agent Desktop — extended agent</source>
        <translation>Agent Desktop — agent étendu</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="165"/>
        <source>Agent state</source>
        <translation>État de l&apos;agent</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="183"/>
        <source>Call controls</source>
        <translation>Commandes d&apos;appel</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="202"/>
        <source>Calls to return</source>
        <translation>Appels à rappeler</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="204"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="205"/>
        <source>Knowledge</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="261"/>
        <source>Your contact-centre window starts at %1: you will be made ready.</source>
        <translation>Votre créneau centre de contacts commence à %1 : vous serez mis disponible.</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="271"/>
        <location filename="../../ui/extended/window.py" line="284"/>
        <source>No availability window set</source>
        <translation>Aucun créneau de disponibilité défini</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="276"/>
        <source>In your window until %1</source>
        <translation>Dans votre créneau jusqu&apos;à %1</translation>
    </message>
    <message>
        <location filename="../../ui/extended/window.py" line="280"/>
        <source>Outside your windows · next: %1</source>
        <translation>Hors créneau · prochain : %1</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../ui/history_panel.py" line="62"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="63"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="64"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="65"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="66"/>
        <source>Social media</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="67"/>
        <source>Callback</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="68"/>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="69"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="76"/>
        <source>outbound</source>
        <translation>sortant</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="77"/>
        <source>inbound</source>
        <translation>entrant</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="180"/>
        <source>Now</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="191"/>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="193"/>
        <source>Advisor</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="197"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="219"/>
        <source>The interaction in progress</source>
        <translation>L&apos;échange en cours</translation>
    </message>
    <message>
        <location filename="../../ui/channel_filter.py" line="75"/>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location filename="../../ui/channel_filter.py" line="80"/>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location filename="../../ui/channel_filter.py" line="114"/>
        <source>Shown: %1</source>
        <translation>Affichés : %1</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/history_panel.py" line="326"/>
        <source>Search the history…</source>
        <translation>Rechercher dans l&apos;historique…</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="372"/>
        <source>This platform does not provide the history.</source>
        <translation>Cette plateforme ne fournit pas l&apos;historique.</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="374"/>
        <source>The history appears when a customer is identified.</source>
        <translation>L&apos;historique s&apos;affiche dès que le client est identifié.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_panel.py" line="412"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="416"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../ui/history_panel.py" line="419"/>
        <source>The history could not be loaded: %1</source>
        <translation>Impossible de charger l&apos;historique : %1</translation>
    </message>
</context>
<context>
    <name>IdlePage</name>
    <message>
        <location filename="../../ui/customer_card.py" line="35"/>
        <source>Waiting for a call</source>
        <translation>En attente d&apos;appel</translation>
    </message>
</context>
<context>
    <name>KnowledgePanel</name>
    <message>
        <location filename="../../ui/kb_panel.py" line="290"/>
        <source>Search the knowledge base…</source>
        <translation>Rechercher dans la base de connaissances…</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="312"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="313"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="314"/>
        <source>Copy the title and the snippet</source>
        <translation>Copier le titre et l&apos;extrait</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="316"/>
        <source>Helpful</source>
        <translation>Utile</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="319"/>
        <source>Not helpful</source>
        <translation>Pas utile</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="321"/>
        <source>Contribute</source>
        <translation>Contribuer</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="325"/>
        <source>New article…</source>
        <translation>Nouvelle fiche…</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="326"/>
        <source>Propose a fix…</source>
        <translation>Proposer une correction…</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="377"/>
        <source>Articles are suggested as soon as a call comes in.</source>
        <translation>Des fiches sont proposées dès qu&apos;un appel arrive.</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="379"/>
        <source>This platform does not provide a knowledge base.</source>
        <translation>Cette plateforme ne fournit pas de base de connaissances.</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="450"/>
        <source>Suggestions unavailable: %1</source>
        <translation>Suggestions indisponibles : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="469"/>
        <source>Search failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="484"/>
        <source>local index</source>
        <translation>index local</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="484"/>
        <source>platform search</source>
        <translation>recherche de la plateforme</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/kb_panel.py" line="488"/>
        <source>%n article(s) · %1</source>
        <translation>
            <numerusform>%n fiche · %1</numerusform>
            <numerusform>%n fiches · %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="491"/>
        <source>No matching article · %1</source>
        <translation>Aucune fiche trouvée · %1</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="492"/>
        <source>Searched for: %1</source>
        <translation>Recherché : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="529"/>
        <location filename="../../ui/kb_panel.py" line="574"/>
        <source>The article could not be opened: %1</source>
        <translation>Impossible d&apos;ouvrir la fiche : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="533"/>
        <source>This article no longer exists.</source>
        <translation>Cette fiche n&apos;existe plus.</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="549"/>
        <source>Feedback not sent: %1</source>
        <translation>Avis non envoyé : %1</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="551"/>
        <source>Thank you: your feedback was sent.</source>
        <translation>Merci : votre avis a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="592"/>
        <source>Your contributions:</source>
        <translation>Vos contributions :</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="608"/>
        <source>pending: waiting for the server</source>
        <translation>en attente : pas encore reçue par le serveur</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="610"/>
        <source>refused by the server</source>
        <translation>refusée par le serveur</translation>
    </message>
    <message>
        <location filename="../../ui/kb_panel.py" line="611"/>
        <source>received, pending review</source>
        <translation>reçue, en attente de relecture</translation>
    </message>
</context>
<context>
    <name>KpiBanner</name>
    <message>
        <location filename="../../ui/kpi_banner.py" line="56"/>
        <source>Calls you answered and wrapped up today; handling time runs from the answer to the end of the wrap-up.</source>
        <translation>Appels décrochés et terminés aujourd&apos;hui ; la durée de traitement va du décroché à la fin du post-appel.</translation>
    </message>
    <message>
        <location filename="../../ui/kpi_banner.py" line="87"/>
        <source>Today: no call handled yet</source>
        <translation>Aujourd&apos;hui : aucun appel traité</translation>
    </message>
    <message>
        <location filename="../../ui/kpi_banner.py" line="97"/>
        <source>%1: %2 waiting</source>
        <translation>%1 : %2 en attente</translation>
    </message>
    <message>
        <location filename="../../ui/kpi_banner.py" line="100"/>
        <source>longest %1</source>
        <translation>max. %1</translation>
    </message>
    <message>
        <location filename="../../ui/kpi_banner.py" line="81"/>
        <source>Today: %1 handled · average %2</source>
        <translation>Aujourd&apos;hui : %1 traités · DMT %2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="18"/>
        <source>Logged out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="19"/>
        <source>Not ready</source>
        <translation>Indisponible</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20"/>
        <source>Ready</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21"/>
        <source>Call offered</source>
        <translation>Appel présenté</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22"/>
        <source>On a call</source>
        <translation>En communication</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>After-call work</source>
        <translation>Post-appel</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38"/>
        <source>Ringing</source>
        <translation>Sonnerie</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>In conversation</source>
        <translation>En conversation</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>On hold</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Call ended</source>
        <translation>Appel terminé</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Missed</source>
        <translation>Manqué</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="51"/>
        <source>Identified by the IVR</source>
        <translation>Identifié par le SVI</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>Identified by phone number</source>
        <translation>Identifié par le numéro</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>Chosen by the advisor</source>
        <translation>Choisi par le conseiller</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="46"/>
        <source>Wrong username or password.</source>
        <translation>Identifiant ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="49"/>
        <source>Server unreachable: check the address and your network connection, then retry.</source>
        <translation>Serveur injoignable : vérifiez l&apos;adresse et votre connexion réseau, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="53"/>
        <source>The server did not answer in time. Retry in a moment.</source>
        <translation>Le serveur n&apos;a pas répondu à temps. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="56"/>
        <source>This account is not allowed to use the agent desktop.</source>
        <translation>Ce compte n&apos;est pas autorisé à utiliser le poste conseiller.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="59"/>
        <source>The server&apos;s answer was not understood: check that the address is the contact centre&apos;s gateway.</source>
        <translation>La réponse du serveur est incompréhensible : vérifiez que l&apos;adresse est bien celle de la passerelle du centre de contacts.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="64"/>
        <source>The server&apos;s certificate could not be verified: the connection was refused for your safety. Contact your IT support.</source>
        <translation>Le certificat du serveur n&apos;a pas pu être vérifié : la connexion a été refusée par sécurité. Contactez le support informatique.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="69"/>
        <source>The server had a problem. Retry in a moment.</source>
        <translation>Le serveur a rencontré un problème. Réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="75"/>
        <source>Login failed (%1). Retry, or contact your supervisor.</source>
        <translation>Connexion impossible (%1). Réessayez ou contactez votre superviseur.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="113"/>
        <source>Agent Desktop — Log in</source>
        <translation>Agent Desktop — Connexion</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="128"/>
        <source>Remember my password in the system keyring</source>
        <translation>Mémoriser mon mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="131"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="132"/>
        <source>Username</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="133"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="138"/>
        <source>No system keyring is available on this computer: your password will be kept for this session only and never written to disk.</source>
        <translation>Aucun trousseau système n&apos;est disponible sur ce poste : votre mot de passe sera conservé pour cette session uniquement et ne sera jamais écrit sur le disque.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="156"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="160"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="162"/>
        <location filename="../../ui/login_dialog.py" line="269"/>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="229"/>
        <source>Enter the server address, e.g. https://gateway.example.com</source>
        <translation>Saisissez l&apos;adresse du serveur, par ex. https://gateway.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="233"/>
        <source>Enter your username and password.</source>
        <translation>Saisissez votre identifiant et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="269"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Agent state</source>
        <translation>État du conseiller</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Call controls</source>
        <translation>Commandes d&apos;appel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>&amp;Call</source>
        <translation>&amp;Appel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>&amp;View</source>
        <translation>A&amp;ffichage</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Call controls are disabled until the connection is back.</source>
        <translation>Les commandes d&apos;appel sont désactivées jusqu&apos;au retour de la connexion.</translation>
    </message>
</context>
<context>
    <name>Modes</name>
    <message>
        <location filename="../../ui/modes.py" line="15"/>
        <source>advisor</source>
        <translation>conseiller</translation>
    </message>
    <message>
        <location filename="../../ui/modes.py" line="16"/>
        <source>extended agent</source>
        <translation>agent étendu</translation>
    </message>
    <message>
        <location filename="../../ui/modes.py" line="17"/>
        <source>wallboard</source>
        <translation>mur d&apos;écrans</translation>
    </message>
    <message>
        <location filename="../../ui/modes.py" line="25"/>
        <source>Your role does not give access to the “%1” mode, nor to any other mode of Agent Desktop. Ask your supervisor or administrator for access.</source>
        <translation>Votre rôle ne donne pas accès au mode « %1 », ni à aucun autre mode d&apos;Agent Desktop. Demandez l&apos;accès à votre superviseur ou à votre administrateur.</translation>
    </message>
    <message>
        <location filename="../../ui/modes.py" line="31"/>
        <source>Your role does not give access to the “%1” mode.</source>
        <translation>Votre rôle ne donne pas accès au mode « %1 ».</translation>
    </message>
    <message>
        <location filename="../../ui/modes.py" line="35"/>
        <source>The “%1” mode is open instead.</source>
        <translation>Le mode « %1 » est ouvert à la place.</translation>
    </message>
    <message>
        <location filename="../../ui/modes.py" line="46"/>
        <source>Mode not available</source>
        <translation>Mode non disponible</translation>
    </message>
</context>
<context>
    <name>PluginShell</name>
    <message>
        <location filename="../../ui/plugin_shell.py" line="44"/>
        <source>&amp;Plugins</source>
        <translation>&amp;Extensions</translation>
    </message>
    <message>
        <location filename="../../ui/plugin_shell.py" line="47"/>
        <source>Plugins…</source>
        <translation>Extensions…</translation>
    </message>
    <message>
        <location filename="../../ui/plugin_shell.py" line="178"/>
        <source>Plugins</source>
        <translation>Extensions</translation>
    </message>
</context>
<context>
    <name>PluginsPanel</name>
    <message>
        <location filename="../../ui/plugins_panel.py" line="28"/>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="29"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="30"/>
        <source>Disabled</source>
        <translation>Désactivée</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="31"/>
        <source>Not for this mode</source>
        <translation>Pas pour ce mode</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="32"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="49"/>
        <source>Plugin</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="49"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="49"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="49"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="57"/>
        <source>Tick a plugin to enable it. A plugin that fails is stopped; the desktop goes on.</source>
        <translation>Cochez une extension pour l&apos;activer. Une extension en erreur est arrêtée ; le poste continue.</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="63"/>
        <source>Settings…</source>
        <translation>Réglages…</translation>
    </message>
    <message>
        <location filename="../../ui/plugins_panel.py" line="143"/>
        <source>Settings of %1</source>
        <translation>Réglages de %1</translation>
    </message>
</context>
<context>
    <name>ReloginPrompt</name>
    <message>
        <location filename="../../ui/relogin.py" line="32"/>
        <source>Session expired</source>
        <translation>Session expirée</translation>
    </message>
    <message>
        <location filename="../../ui/relogin.py" line="36"/>
        <source>Your session has expired. Enter your password to carry on: your calls, notes and unsent wrap-ups are kept.</source>
        <translation>Votre session a expiré. Saisissez votre mot de passe pour continuer : vos appels, vos notes et vos qualifications non envoyées sont conservés.</translation>
    </message>
    <message>
        <location filename="../../ui/relogin.py" line="48"/>
        <source>Log in again</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <location filename="../../ui/relogin.py" line="50"/>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location filename="../../ui/relogin.py" line="81"/>
        <source>Not logged in: %1</source>
        <translation>Connexion impossible : %1</translation>
    </message>
</context>
<context>
    <name>RingingBanner</name>
    <message>
        <location filename="../../ui/alert.py" line="70"/>
        <source>Incoming call</source>
        <translation>Appel entrant</translation>
    </message>
    <message>
        <location filename="../../ui/alert.py" line="75"/>
        <source>%1 answer · %2 reject</source>
        <translation>%1 décrocher · %2 refuser</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="60"/>
        <source>Ready</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="61"/>
        <source>Ringing</source>
        <translation>Sonnerie</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="62"/>
        <source>On a call</source>
        <translation>En appel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="63"/>
        <source>Wrap-up</source>
        <translation>Post-appel</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="64"/>
        <source>Not ready</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="65"/>
        <source>Logged out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="99"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="100"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="101"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="102"/>
        <source>Time in state</source>
        <translation>Durée dans l&apos;état</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="103"/>
        <source>Current interaction</source>
        <translation>Interaction en cours</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="104"/>
        <source>Queue</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="176"/>
        <source>Filter: name, reason, queue…</source>
        <translation>Filtrer : nom, motif, file…</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/roster.py" line="181"/>
        <source>Every state</source>
        <translation>Tous les états</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="37"/>
        <source>Answer the ringing call</source>
        <translation>Décrocher l&apos;appel entrant</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="38"/>
        <source>Reject the ringing call</source>
        <translation>Refuser l&apos;appel entrant</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="39"/>
        <source>Hold / retrieve the customer</source>
        <translation>Mettre en attente / reprendre le client</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40"/>
        <source>Hang up</source>
        <translation>Raccrocher</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="41"/>
        <source>Mute / unmute the microphone</source>
        <translation>Couper / rétablir le micro</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="42"/>
        <source>Open the DTMF keypad</source>
        <translation>Ouvrir le clavier DTMF</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="43"/>
        <source>Blind transfer</source>
        <translation>Transfert direct</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="44"/>
        <source>Toggle ready / not ready</source>
        <translation>Basculer disponible / indisponible</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="45"/>
        <source>Search for a customer</source>
        <translation>Rechercher un client</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="46"/>
        <source>Finish the wrap-up</source>
        <translation>Terminer le post-appel</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="47"/>
        <source>Show this list</source>
        <translation>Afficher cette liste</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="28"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="31"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="31"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="26"/>
        <source>● Connected</source>
        <translation>● Connecté</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="27"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="28"/>
        <source>Connection lost — reconnecting…</source>
        <translation>Connexion perdue — reconnexion…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="31"/>
        <source>Disconnected — please log in again</source>
        <translation>Déconnecté — veuillez vous reconnecter</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="39"/>
        <source>That action is no longer possible: the call has changed state.</source>
        <translation>Cette action n’est plus possible : l’appel a changé d’état.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="42"/>
        <source>That call no longer exists on the server.</source>
        <translation>Cet appel n’existe plus sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="45"/>
        <source>The server cannot be reached: the action was not sent.</source>
        <translation>Serveur injoignable : l’action n’a pas été envoyée.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="48"/>
        <source>The server did not answer in time: the action may not have been applied.</source>
        <translation>Le serveur n’a pas répondu à temps : l’action n’a peut-être pas été prise en compte.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="51"/>
        <source>Your session has expired: please log in again.</source>
        <translation>Votre session a expiré : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="54"/>
        <source>Your last session&apos;s work was recovered: unsent wrap-ups are being sent and notes in progress are back.</source>
        <translation>Le travail de votre dernière session a été récupéré : les qualifications non envoyées partent et les notes en cours sont restaurées.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="59"/>
        <source>The server refused the request as invalid.</source>
        <translation>Le serveur a refusé la demande comme invalide.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="62"/>
        <source>This queue requires a wrap-up code: choose one and finish again. Your notes are kept.</source>
        <translation>Cette file exige un code de qualification : choisissez-en un et terminez à nouveau. Vos notes sont conservées.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="67"/>
        <source>The expert did not answer: the customer is back on the line.</source>
        <translation>L&apos;expert n&apos;a pas répondu : le client est de nouveau en ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="70"/>
        <source>The expert is busy: the customer is back on the line.</source>
        <translation>L&apos;expert est occupé : le client est de nouveau en ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="73"/>
        <source>The expert declined: the customer is back on the line.</source>
        <translation>L&apos;expert a refusé : le client est de nouveau en ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="76"/>
        <source>The expert hung up: the customer is back on the line.</source>
        <translation>L&apos;expert a raccroché : le client est de nouveau en ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="79"/>
        <source>The customer hung up. You are still on the line with the expert.</source>
        <translation>Le client a raccroché. Vous êtes toujours en ligne avec l&apos;expert.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="82"/>
        <source>The customer left the conference: stay with the expert or hang up.</source>
        <translation>Le client a quitté la conférence : restez avec l&apos;expert ou raccrochez.</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="108"/>
        <source>%1 (oldest %2)</source>
        <translation>%1 (la plus ancienne : %2)</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="122"/>
        <source>⚠ TLS verification OFF</source>
        <translation>⚠ Vérification TLS désactivée</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="125"/>
        <source>Server certificates are not checked (setting tls/insecure): the connection could be intercepted. Ask your administrator to turn checks back on.</source>
        <translation>Les certificats du serveur ne sont pas vérifiés (réglage tls/insecure) : la connexion pourrait être interceptée. Demandez à votre administrateur de réactiver la vérification.</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <location filename="../../ui/summary_panel.py" line="55"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="63"/>
        <source>The summary of the customer appears when they are identified.</source>
        <translation>La synthèse du client s&apos;affiche dès qu&apos;il est identifié.</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="91"/>
        <source>Writing the summary…</source>
        <translation>Rédaction de la synthèse…</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="109"/>
        <source>No summary: %1</source>
        <translation>Pas de synthèse : %1</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="117"/>
        <source>Written locally (no network)</source>
        <translation>Rédigée localement (sans réseau)</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="119"/>
        <source>Written by %1</source>
        <translation>Rédigée par %1</translation>
    </message>
    <message>
        <location filename="../../ui/summary_panel.py" line="124"/>
        <source>The AI provider failed (%1): this is the local summary.</source>
        <translation>Le fournisseur d&apos;IA a échoué (%1) : voici la synthèse locale.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/transfer_dialog.py" line="41"/>
        <source>Blind transfer</source>
        <translation>Transfert direct</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialog.py" line="46"/>
        <source>Transfer the customer to a queue id or a phone number:</source>
        <translation>Transférer le client vers une file (identifiant) ou un numéro de téléphone :</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialog.py" line="50"/>
        <source>e.g. cards_fr or 01 23 45 67 89</source>
        <translation>ex. cartes_fr ou 01 23 45 67 89</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialog.py" line="59"/>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialog.py" line="73"/>
        <source>Not a valid queue id or phone number.</source>
        <translation>Ce n&apos;est ni un identifiant de file ni un numéro valide.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialog.py" line="75"/>
        <source>Number: %1</source>
        <translation>Numéro : %1</translation>
    </message>
    <message>
        <location filename="../../ui/transfer_dialog.py" line="77"/>
        <source>Queue: %1</source>
        <translation>File : %1</translation>
    </message>
</context>
<context>
    <name>VipBadge</name>
    <message>
        <location filename="../../ui/vip_badge.py" line="20"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/vip_badge.py" line="28"/>
        <location filename="../../ui/vip_badge.py" line="29"/>
        <source>VIP customer</source>
        <translation>Client VIP</translation>
    </message>
</context>
<context>
    <name>WallboardWindow</name>
    <message>
        <location filename="../../ui/wallboard/window.py" line="58"/>
        <source>Wallboard — Agent Desktop</source>
        <translation>Mur d&apos;écrans — Agent Desktop</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/window.py" line="65"/>
        <source>Queues</source>
        <translation>Files d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/window.py" line="66"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../../ui/wallboard/window.py" line="101"/>
        <source>offline: figures not live</source>
        <translation>hors ligne : chiffres non actualisés</translation>
    </message>
</context>
<context>
    <name>WrapUpPanel</name>
    <message>
        <location filename="../../ui/wrap_up.py" line="80"/>
        <source>After-call work</source>
        <translation>Post-appel</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="102"/>
        <source>Type to search a code</source>
        <translation>Tapez pour chercher un code</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="106"/>
        <source>Notes on this call (saved as you type)</source>
        <translation>Notes sur cet appel (enregistrées au fil de la saisie)</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="110"/>
        <source>Resolved at first contact</source>
        <translation>Résolu au premier contact</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="113"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="117"/>
        <source>Call the customer back</source>
        <translation>Rappeler le client</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="118"/>
        <source>Follow up on the file</source>
        <translation>Relancer le dossier</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="128"/>
        <location filename="../../ui/wrap_up.py" line="130"/>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="132"/>
        <source>Finish the wrap-up</source>
        <translation>Terminer le post-appel</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="149"/>
        <location filename="../../ui/wrap_up.py" line="259"/>
        <source>Wrap-up code</source>
        <translation>Code de qualification</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="160"/>
        <source>Then</source>
        <translation>Ensuite</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="223"/>
        <source>Call %1 — %2</source>
        <translation>Appel %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="259"/>
        <source>Wrap-up code (required)</source>
        <translation>Code de qualification (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="266"/>
        <source>— choose a code —</source>
        <translation>— choisir un code —</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="273"/>
        <source>Ready</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="277"/>
        <source>Not ready — %1</source>
        <translation>Indisponible — %1</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="300"/>
        <source>ACW limit passed</source>
        <translation>Délai post-appel dépassé</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="304"/>
        <source>ACW %1 / %2</source>
        <translation>Post-appel %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="308"/>
        <source>ACW %1</source>
        <translation>Post-appel %1</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="367"/>
        <source>No wrap-up code has that name.</source>
        <translation>Aucun code de qualification ne porte ce nom.</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="371"/>
        <source>Choose a wrap-up code first.</source>
        <translation>Choisissez d&apos;abord un code de qualification.</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="438"/>
        <source>Time limit passed: the platform closed this call. Finish your notes: they will still be saved with it.</source>
        <translation>Délai dépassé : la plateforme a clôturé cet appel. Terminez vos notes : elles y seront quand même rattachées.</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="446"/>
        <source>At %1 the platform closes the call and ends after-call work; notes finished later are still saved.</source>
        <translation>À %1, la plateforme clôture l&apos;appel et met fin au travail après appel ; les notes terminées ensuite sont quand même enregistrées.</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="454"/>
        <source>Calls keep coming while this wrap-up is open.</source>
        <translation>Les appels continuent d&apos;arriver pendant cette qualification.</translation>
    </message>
    <message>
        <location filename="../../ui/wrap_up.py" line="463"/>
        <source>Wrap-up saved: it will be sent as soon as the server answers.</source>
        <translation>Qualification enregistrée : elle sera envoyée dès que le serveur répondra.</translation>
    </message>
</context>
</TS>
