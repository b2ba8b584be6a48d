<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>Conference</name>
        <message>
            <location filename="../conference/panel.py" line="28" />
            <source>Customer</source>
            <translation>Client</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="29" />
            <source>You</source>
            <translation>Vous</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="30" />
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="36" />
            <source>On the line</source>
            <translation>En ligne</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="37" />
            <source>On hold</source>
            <translation>En attente</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="38" />
            <source>Muted</source>
            <translation>Micro coupé</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="39" />
            <source>Left</source>
            <translation>Parti</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="56" />
            <source>Conference</source>
            <translation>Conférence</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="71" />
            <source>Party</source>
            <translation>Participant</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="72" />
            <source>Role</source>
            <translation>Rôle</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="73" />
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="77" />
            <source>Merge into conference</source>
            <translation>Passer en conférence</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="80" />
            <source>Drop party</source>
            <translation>Retirer le participant</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="82" />
            <source>Leave</source>
            <translation>Quitter</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="85" />
            <source>Leave the conference: the expert keeps the customer</source>
            <translation>Quitter la conférence : l'expert garde le client</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="89" />
            <location filename="../conference/panel.py" line="151" />
            <source>Mute me</source>
            <translation>Couper mon micro</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="149" />
            <source>Unmute me</source>
            <translation>Rétablir mon micro</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="156" />
            <source>No conference. Consult an expert first, then merge.</source>
            <translation>Pas de conférence. Consultez d'abord un expert, puis passez en conférence.</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="161" />
            <source>%1 is on the line: merge to talk all three together.</source>
            <translation>%1 est en ligne : passez en conférence pour parler à trois.</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="164" />
            <source>No conference.</source>
            <translation>Pas de conférence.</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="169" />
            <source>The customer left the conference. Stay with %1, or drop them to hang up.</source>
            <translation>Le client a quitté la conférence. Restez avec %1, ou retirez-le pour raccrocher.</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="173" />
            <source>Everyone left the conference.</source>
            <translation>Tout le monde a quitté la conférence.</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="175" />
            <source>%1 left. You are with the customer.</source>
            <translation>%1 est parti. Vous êtes avec le client.</translation>
        </message>
        <message>
            <location filename="../conference/panel.py" line="178" />
            <source>Conference in progress with %1 and the customer.</source>
            <translation>Conférence en cours avec %1 et le client.</translation>
        </message>
    </context>
    <context>
        <name>ExpertPresence</name>
        <message>
            <location filename="../expert_presence/panel.py" line="36" />
            <source>Available</source>
            <translation>Disponible</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="37" />
            <source>Busy</source>
            <translation>Occupé</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="38" />
            <source>In a call</source>
            <translation>En communication</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="39" />
            <source>Away</source>
            <translation>Absent</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="40" />
            <source>Do not disturb</source>
            <translation>Ne pas déranger</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="41" />
            <source>Offline</source>
            <translation>Hors ligne</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="50" />
            <source>just now</source>
            <translation>à l'instant</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="52" />
            <source>for %1 min</source>
            <translation>depuis %1 min</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="55" />
            <source>since %1</source>
            <translation>depuis %1</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="81" />
            <source>Experts</source>
            <translation>Experts</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="90" />
            <source>Search a name, skill or department</source>
            <translation>Chercher un nom, une compétence ou un service</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="94" />
            <source>Available only</source>
            <translation>Disponibles seulement</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="102" />
            <source>Presence</source>
            <translation>Présence</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="103" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="104" />
            <source>Skills</source>
            <translation>Compétences</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="105" />
            <source>Department</source>
            <translation>Service</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="112" />
            <source>Note for the expert (sent with the customer's context)</source>
            <translation>Note pour l'expert (envoyée avec le contexte du client)</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="118" />
            <source>Consult</source>
            <translation>Consulter</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="122" />
            <source>Put the customer on hold and call this expert, with the customer's context</source>
            <translation>Mettre le client en attente et appeler cet expert, avec le contexte du client</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="128" />
            <source>Transfer</source>
            <translation>Transférer</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="132" />
            <source>Transfer the customer to this expert without consulting</source>
            <translation>Transférer le client à cet expert sans consultation</translation>
        </message>
        <message>
            <location filename="../expert_presence/panel.py" line="205" />
            <source>No expert matches.</source>
            <translation>Aucun expert ne correspond.</translation>
        </message>
    </context>
    <context>
        <name>SupervisedTransfer</name>
        <message>
            <location filename="../supervised_transfer/panel.py" line="41" />
            <source>No consult. Pick an expert to consult while the customer waits on hold.</source>
            <translation>Pas de consultation. Choisissez un expert à consulter pendant que le client patiente.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="47" />
            <source>Calling %1… The customer is on hold.</source>
            <translation>Appel de %1… Le client est en attente.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="52" />
            <source>The customer hung up. You are still with %1.</source>
            <translation>Le client a raccroché. Vous êtes toujours avec %1.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="56" />
            <source>Talking to the customer. %1 is on hold.</source>
            <translation>Vous parlez au client. %1 est en attente.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="59" />
            <source>Talking to %1. The customer is on hold.</source>
            <translation>Vous parlez à %1. Le client est en attente.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="63" />
            <source>Transferred to %1.</source>
            <translation>Transféré à %1.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="67" />
            <source>In conference with %1 and the customer.</source>
            <translation>En conférence avec %1 et le client.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="71" />
            <source>Consult with %1 cancelled. The customer is back on the line.</source>
            <translation>Consultation de %1 annulée. Le client est de nouveau en ligne.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="75" />
            <source>%1 did not answer.</source>
            <translation>%1 n'a pas répondu.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="76" />
            <source>%1 is busy.</source>
            <translation>%1 est occupé.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="77" />
            <source>%1 declined.</source>
            <translation>%1 a refusé.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="78" />
            <source>%1 hung up.</source>
            <translation>%1 a raccroché.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="82" />
            <source>%1 is not on the line.</source>
            <translation>%1 n'est pas en ligne.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="87" />
            <source>The customer is back on the line.</source>
            <translation>Le client est de nouveau en ligne.</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="96" />
            <location filename="../supervised_transfer/panel.py" line="182" />
            <source>Consult</source>
            <translation>Consultation</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="100" />
            <source>Consult…</source>
            <translation>Consulter…</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="108" />
            <source>Complete transfer</source>
            <translation>Finaliser le transfert</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="112" />
            <source>Swap</source>
            <translation>Basculer</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="116" />
            <source>Talk to the other party; the one you leave is held</source>
            <translation>Parler à l'autre interlocuteur ; celui que vous quittez est mis en attente</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="121" />
            <source>Cancel consult</source>
            <translation>Annuler la consultation</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="125" />
            <source>Hang up on the expert and take the customer back</source>
            <translation>Raccrocher avec l'expert et reprendre le client</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="158" />
            <source>Consult an expert</source>
            <translation>Consulter un expert</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="167" />
            <source>available</source>
            <translation>disponible</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="169" />
            <source>not available</source>
            <translation>indisponible</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="176" />
            <source>Expert</source>
            <translation>Expert</translation>
        </message>
        <message>
            <location filename="../supervised_transfer/panel.py" line="177" />
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
</TS>
