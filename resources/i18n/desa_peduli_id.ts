<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>App</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desa Peduli</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat new passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase is too short: at least {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current passphrase is wrong. Nothing was changed; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the registration of {name}? It disappears from the list; its history is kept and the branch office is told with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. registered twice, person withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reason of at least {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Desa Peduli: first start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeirRow</name>
    <message>
        <source>Name as on the KK or KTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of heir {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship of heir {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone of heir {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove heir {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeirsEditor</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add another heir</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KtpPhotoField</name>
    <message>
        <source>Choose photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo of the KTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file could not be read as a photo. Choose a JPG or PNG file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Something went wrong ({kind}). Nothing was changed; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KTP photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockView</name>
    <message>
        <source>Desa Peduli is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after {minutes} minutes without use, to protect the data. Your work is saved. Type your passphrase to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your work is saved. Type your passphrase to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Name or NIK…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All villages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All occupations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Occupation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a worker (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected registration (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected registration, with a reason (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change of the selected registration (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or NIK (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a backup copy of the data now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to an earlier backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the data until the passphrase is typed (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desa Peduli — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No registrations yet. Press Ctrl+N (New registration) to register a worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches the search or the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished draft was reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic backup failed; it is tried again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored the backup of {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase changed. Use the new one from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time you start Desa Peduli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Desa Peduli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your passphrase to open your registrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseHint</name>
    <message>
        <source>Too short: at least {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak. Longer is better: try three or four words you will remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair. A few more characters or words make it stronger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least {count} characters. Several words are easiest to remember.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>The passphrase is too short: use at least {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase locks the data on this laptop. You type it each time you open Desa Peduli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the passphrase down and keep it in a safe place. If it is forgotten, the data on this laptop cannot be opened: recovery through the branch office comes with a later version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is stored, encrypted, in: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your workspace… this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationFormView</name>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work &amp; contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous section (Ctrl+PgUp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next section (Ctrl+PgDown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and go back to the list (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;&amp; close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and go back to the list (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved automatically while you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems still to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a line (or press Enter) to go to the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>16 digits from the KTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open that registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written on the KTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full na&amp;me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Town or regency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place of &amp;birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone (mobile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KTP p&amp;hoto (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regency or city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;District (kecamatan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Village (desa/kelurahan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;T / RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Street or dusun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Pasar Muara Bulian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Work location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1.500.000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per month (average)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly &amp;income</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JKK: work accident insurance (always included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JKM: death benefit (always included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;JHT: old-age savings (optional, 2% of the base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment &amp;period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Funding source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heirs receive the JKM death benefit and the scholarship for the children. List the spouse and children first, then parents, grandchildren, grandparents, siblings, parents-in-law or a person named in a will.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verbal, witnessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;per form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How consent is given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature of the participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who heard the consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Witness name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper form &amp;number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The participant &amp;agrees (consent given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The consent statement is missing from this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent recorded on {date} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date, sex and issuing region filled in from the NIK: {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>According to the NIK: {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heir {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{errors} to fix, {warnings} to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{errors} to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{warnings} to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the occupation and enter the monthly income to see the contribution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid by the worker {worker}, by the funder {funder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid by the worker {worker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Contribution per month: {total}&lt;/b&gt; ({who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JKK {jkk} + JKM {jkm} + JHT {jht} · income band {band}, base {base}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JKK {jkk} + JKM {jkm} · income band {band}, base {base}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;For {months} months at once: {total}&lt;/b&gt; (paid by the worker {worker})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save. Keep this window open and call for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted by the branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes not saved yet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved automatically {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NIK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch office: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPJ number: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to complete:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup to go back to. The current data is backed up first, so a restore can itself be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace all current data with the backup of {date}? Changes made after that time are set aside in a new backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase the signature and sign again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolunteerPage</name>
    <message>
        <source>(not chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is written into every registration you make.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your area (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The village you work in is offered first in the form. You can skip this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K&amp;ecamatan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desa/kelurahan:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Desa Peduli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three short steps, then you can start registering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This program keeps the registrations you make for BPJS Ketenagakerjaan (BPU), encrypted on this laptop. It works without internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How do you start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;On my own: register workers now, connect to the branch office later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With an enrolment &amp;file from the branch office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This comes with the sync feature.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
