<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>App</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Desa Peduli</source>
        <translation>Desa Peduli</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Kata sandi &amp;lama:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>Kata sandi ba&amp;ru:</translation>
    </message>
    <message>
        <source>&amp;Repeat new passphrase:</source>
        <translation>&amp;Ulangi kata sandi baru:</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>&amp;Ganti</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Ketik kata sandi lama Anda.</translation>
    </message>
    <message>
        <source>The new passphrase is too short: at least {count} characters.</source>
        <translation>Kata sandi baru terlalu pendek: minimal {count} karakter.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>Kedua kata sandi baru tidak sama.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong. Nothing was changed; try again.</source>
        <translation>Kata sandi lama salah. Tidak ada yang diubah; coba lagi.</translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Minggu ini</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>Menurut status</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete registration</source>
        <translation>Hapus pendaftaran</translation>
    </message>
    <message>
        <source>Delete the registration of {name}? It disappears from the list; its history is kept and the branch office is told with the next sync.</source>
        <translation>Hapus pendaftaran {name}? Pendaftaran ini hilang dari daftar; riwayatnya tetap disimpan dan kantor cabang diberi tahu pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>e.g. registered twice, person withdrew</source>
        <translation>contoh: terdaftar dua kali, orangnya tidak jadi ikut</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Write a reason of at least {count} characters.</source>
        <translation>Tulis alasan, minimal {count} karakter.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Desa Peduli: first start</source>
        <translation>Desa Peduli: pemakaian pertama</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Buat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>HeirRow</name>
    <message>
        <source>Name as on the KK or KTP</source>
        <translation>Nama sesuai KK atau KTP</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>tidak wajib</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Name of heir {number}</source>
        <translation>Nama ahli waris {number}</translation>
    </message>
    <message>
        <source>Relationship of heir {number}</source>
        <translation>Hubungan ahli waris {number}</translation>
    </message>
    <message>
        <source>Phone of heir {number}</source>
        <translation>Nomor HP ahli waris {number}</translation>
    </message>
    <message>
        <source>Remove heir {number}</source>
        <translation>Hapus ahli waris {number}</translation>
    </message>
</context>
<context>
    <name>HeirsEditor</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Hubungan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Nomor HP</translation>
    </message>
    <message>
        <source>&amp;Add another heir</source>
        <translation>&amp;Tambah ahli waris</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History: {name}</source>
        <translation>Riwayat: {name}</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>KtpPhotoField</name>
    <message>
        <source>Choose photo…</source>
        <translation>Pilih foto…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Hapus foto</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Belum ada foto</translation>
    </message>
    <message>
        <source>Choose a photo of the KTP</source>
        <translation>Pilih foto KTP</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>Foto (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
    <message>
        <source>This file could not be read as a photo. Choose a JPG or PNG file.</source>
        <translation>Berkas ini tidak bisa dibaca sebagai foto. Pilih berkas JPG atau PNG.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Something went wrong ({kind}). Nothing was changed; please try again.</source>
        <translation>Terjadi kesalahan ({kind}). Tidak ada yang diubah; silakan coba lagi.</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Nomor HP</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Jalan/dusun</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Work location</source>
        <translation>Tempat kerja</translation>
    </message>
    <message>
        <source>Income</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Payment period</source>
        <translation>Masa pembayaran</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Sumber dana</translation>
    </message>
    <message>
        <source>Heirs</source>
        <translation>Ahli waris</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <source>KTP photo</source>
        <translation>Foto KTP</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Dipulihkan</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Dibuat sendiri</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Sebelum pemulihan</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Sebelum pembaruan</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
</context>
<context>
    <name>LockView</name>
    <message>
        <source>Desa Peduli is locked</source>
        <translation>Desa Peduli terkunci</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Kata &amp;sandi:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Buka kunci</translation>
    </message>
    <message>
        <source>Locked after {minutes} minutes without use, to protect the data. Your work is saved. Type your passphrase to continue.</source>
        <translation>Dikunci setelah {minutes} menit tidak dipakai, untuk melindungi data. Pekerjaan Anda sudah tersimpan. Ketik kata sandi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Your work is saved. Type your passphrase to continue.</source>
        <translation>Pekerjaan Anda sudah tersimpan. Ketik kata sandi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Ketik kata sandi dulu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Name or NIK…</source>
        <translation>Nama atau NIK…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>Semua desa</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Desa:</translation>
    </message>
    <message>
        <source>All occupations</source>
        <translation>Semua pekerjaan</translation>
    </message>
    <message>
        <source>&amp;Occupation:</source>
        <translation>Pe&amp;kerjaan:</translation>
    </message>
    <message>
        <source>&amp;New registration</source>
        <translation>&amp;Pendaftaran baru</translation>
    </message>
    <message>
        <source>Register a worker (Ctrl+N)</source>
        <translation>Daftarkan seorang pekerja (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>Open the selected registration (Enter or double-click)</source>
        <translation>Buka pendaftaran yang dipilih (Enter atau klik dua kali)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>Delete the selected registration, with a reason (Del)</source>
        <translation>Hapus pendaftaran yang dipilih, dengan alasan (Del)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Riwayat…</translation>
    </message>
    <message>
        <source>Every change of the selected registration (Ctrl+H)</source>
        <translation>Semua perubahan pada pendaftaran yang dipilih (Ctrl+H)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Search by name or NIK (Ctrl+F)</source>
        <translation>Cari menurut nama atau NIK (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Buat &amp;cadangan sekarang</translation>
    </message>
    <message>
        <source>Make a backup copy of the data now</source>
        <translation>Buat salinan cadangan data sekarang</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>Go back to an earlier backup</source>
        <translation>Kembalikan data dari cadangan sebelumnya</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Ganti kata &amp;sandi…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>K&amp;unci sekarang</translation>
    </message>
    <message>
        <source>Hide the data until the passphrase is typed (Ctrl+L)</source>
        <translation>Sembunyikan data sampai kata sandi diketik (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Registration</source>
        <translation>&amp;Pendaftaran</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Desa Peduli — {name}</source>
        <translation>Desa Peduli — {name}</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} dari {total} ditampilkan</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n pendaftaran</numerusform>
        </translation>
    </message>
    <message>
        <source>No registrations yet. Press Ctrl+N (New registration) to register a worker.</source>
        <translation>Belum ada pendaftaran. Tekan Ctrl+N (Pendaftaran baru) untuk mendaftarkan pekerja.</translation>
    </message>
    <message>
        <source>Nothing matches the search or the filters.</source>
        <translation>Tidak ada yang cocok dengan pencarian atau pilihan di atas.</translation>
    </message>
    <message>
        <source>The form could not be saved.</source>
        <translation>Formulir tidak bisa disimpan.</translation>
    </message>
    <message>
        <source>The unfinished draft was reopened.</source>
        <translation>Draf yang belum selesai dibuka kembali.</translation>
    </message>
    <message>
        <source>Delete registration</source>
        <translation>Hapus pendaftaran</translation>
    </message>
    <message>
        <source>Registration deleted.</source>
        <translation>Pendaftaran dihapus.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Buat cadangan sekarang</translation>
    </message>
    <message>
        <source>Backup saved: {file}</source>
        <translation>Cadangan disimpan: {file}</translation>
    </message>
    <message>
        <source>The automatic backup failed; it is tried again later.</source>
        <translation>Pencadangan otomatis gagal; nanti dicoba lagi.</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>Cadangan terakhir: {when}</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Belum ada cadangan</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Restored the backup of {date}.</source>
        <translation>Cadangan {date} sudah dipulihkan.</translation>
    </message>
    <message>
        <source>Passphrase changed. Use the new one from now on.</source>
        <translation>Kata sandi sudah diganti. Mulai sekarang pakai kata sandi yang baru.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Desa Peduli.</source>
        <translation>Bahasa yang baru dipakai mulai saat Desa Peduli dibuka lagi.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Desa Peduli</source>
        <translation>Desa Peduli</translation>
    </message>
    <message>
        <source>Type your passphrase to open your registrations.</source>
        <translation>Ketik kata sandi untuk membuka data pendaftaran Anda.</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Folder data: {folder}</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Kata &amp;sandi:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Ketik kata sandi dulu.</translation>
    </message>
</context>
<context>
    <name>PassphraseHint</name>
    <message>
        <source>Too short: at least {count} characters.</source>
        <translation>Terlalu pendek: minimal {count} karakter.</translation>
    </message>
    <message>
        <source>Weak. Longer is better: try three or four words you will remember.</source>
        <translation>Lemah. Makin panjang makin baik: coba tiga atau empat kata yang mudah Anda ingat.</translation>
    </message>
    <message>
        <source>Fair. A few more characters or words make it stronger.</source>
        <translation>Cukup. Tambah beberapa huruf atau kata agar lebih kuat.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Kuat.</translation>
    </message>
    <message>
        <source>At least {count} characters. Several words are easiest to remember.</source>
        <translation>Minimal {count} karakter. Beberapa kata paling mudah diingat.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>The passphrase is too short: use at least {count} characters.</source>
        <translation>Kata sandi terlalu pendek: pakai minimal {count} karakter.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Kedua kata sandi tidak sama. Ketik ulang keduanya.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>The passphrase locks the data on this laptop. You type it each time you open Desa Peduli.</source>
        <translation>Kata sandi mengunci data di laptop ini. Anda mengetiknya setiap kali membuka Desa Peduli.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>Kata &amp;sandi:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>Write the passphrase down and keep it in a safe place. If it is forgotten, the data on this laptop cannot be opened: recovery through the branch office comes with a later version.</source>
        <translation>Tulis kata sandi ini dan simpan di tempat yang aman. Jika lupa, data di laptop ini tidak bisa dibuka: pemulihan lewat kantor cabang baru ada di versi berikutnya.</translation>
    </message>
    <message>
        <source>The data is stored, encrypted, in: {folder}</source>
        <translation>Data disimpan terkunci (terenkripsi) di: {folder}</translation>
    </message>
    <message>
        <source>Creating your workspace… this takes a few seconds.</source>
        <translation>Menyiapkan ruang kerja Anda… ini butuh beberapa detik.</translation>
    </message>
</context>
<context>
    <name>RegistrationFormView</name>
    <message>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Work &amp; contribution</source>
        <translation>Pekerjaan &amp; iuran</translation>
    </message>
    <message>
        <source>Heirs</source>
        <translation>Ahli waris</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <source>Previous section (Ctrl+PgUp)</source>
        <translation>Bagian sebelumnya (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Berikutnya ›</translation>
    </message>
    <message>
        <source>Next section (Ctrl+PgDown)</source>
        <translation>Bagian berikutnya (Ctrl+PgDown)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save and go back to the list (Esc)</source>
        <translation>Simpan lalu kembali ke daftar (Esc)</translation>
    </message>
    <message>
        <source>Save &amp;&amp; close</source>
        <translation>Simpan &amp;&amp; tutup</translation>
    </message>
    <message>
        <source>Save and go back to the list (Ctrl+S)</source>
        <translation>Simpan lalu kembali ke daftar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saved automatically while you type.</source>
        <translation>Tersimpan otomatis selagi Anda mengetik.</translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation>Yang masih kurang</translation>
    </message>
    <message>
        <source>Problems still to fix</source>
        <translation>Masalah yang masih harus diperbaiki</translation>
    </message>
    <message>
        <source>Click a line (or press Enter) to go to the field</source>
        <translation>Klik satu baris (atau tekan Enter) untuk menuju isiannya</translation>
    </message>
    <message>
        <source>16 digits from the KTP</source>
        <translation>16 angka dari KTP</translation>
    </message>
    <message>
        <source>Open that registration</source>
        <translation>Buka pendaftaran itu</translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <source>As written on the KTP</source>
        <translation>Sesuai tulisan di KTP</translation>
    </message>
    <message>
        <source>Full na&amp;me</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>Town or regency</source>
        <translation>Kota atau kabupaten</translation>
    </message>
    <message>
        <source>Place of &amp;birth</source>
        <translation>&amp;Tempat lahir</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>tanggal/bulan/tahun</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>Tanggal l&amp;ahir</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Jenis kelamin</translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890</source>
        <translation>contoh: 0812 3456 7890</translation>
    </message>
    <message>
        <source>&amp;Phone (mobile)</source>
        <translation>Nomor &amp;HP</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>tidak wajib</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>KTP p&amp;hoto (optional)</source>
        <translation>&amp;Foto KTP (tidak wajib)</translation>
    </message>
    <message>
        <source>Type part of a name to search</source>
        <translation>Ketik sebagian nama untuk mencari</translation>
    </message>
    <message>
        <source>&amp;Province</source>
        <translation>Pro&amp;vinsi</translation>
    </message>
    <message>
        <source>&amp;Regency or city</source>
        <translation>&amp;Kabupaten/kota</translation>
    </message>
    <message>
        <source>&amp;District (kecamatan)</source>
        <translation>K&amp;ecamatan</translation>
    </message>
    <message>
        <source>&amp;Village (desa/kelurahan)</source>
        <translation>&amp;Desa/kelurahan</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>R&amp;T / RW</source>
        <translation>R&amp;T / RW</translation>
    </message>
    <message>
        <source>&amp;Street or dusun</source>
        <translation>&amp;Jalan atau dusun</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>Pe&amp;kerjaan</translation>
    </message>
    <message>
        <source>e.g. Pasar Muara Bulian</source>
        <translation>contoh: Pasar Muara Bulian</translation>
    </message>
    <message>
        <source>&amp;Work location</source>
        <translation>&amp;Tempat kerja</translation>
    </message>
    <message>
        <source>e.g. 1.500.000</source>
        <translation>contoh: 1.500.000</translation>
    </message>
    <message>
        <source>per month (average)</source>
        <translation>per bulan (rata-rata)</translation>
    </message>
    <message>
        <source>Monthly &amp;income</source>
        <translation>Penghasilan &amp;sebulan</translation>
    </message>
    <message>
        <source>JKK: work accident insurance (always included)</source>
        <translation>JKK: Jaminan Kecelakaan Kerja (selalu ikut)</translation>
    </message>
    <message>
        <source>JKM: death benefit (always included)</source>
        <translation>JKM: Jaminan Kematian (selalu ikut)</translation>
    </message>
    <message>
        <source>&amp;JHT: old-age savings (optional, 2% of the base)</source>
        <translation>&amp;JHT: Jaminan Hari Tua, tabungan masa tua (tidak wajib, 2% dari dasar iuran)</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>1 month</source>
        <translation>1 bulan</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} bulan</translation>
    </message>
    <message>
        <source>Payment &amp;period</source>
        <translation>&amp;Masa pembayaran</translation>
    </message>
    <message>
        <source>&amp;Funding source</source>
        <translation>Sumber &amp;dana</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>Iuran</translation>
    </message>
    <message>
        <source>Heirs receive the JKM death benefit and the scholarship for the children. List the spouse and children first, then parents, grandchildren, grandparents, siblings, parents-in-law or a person named in a will.</source>
        <translation>Ahli waris menerima santunan kematian JKM dan beasiswa untuk anak. Tulis suami/istri dan anak lebih dulu, lalu orang tua, cucu, kakek/nenek, saudara kandung, mertua, atau orang yang ditunjuk dalam wasiat.</translation>
    </message>
    <message>
        <source>&amp;Signature</source>
        <translation>&amp;Tanda tangan</translation>
    </message>
    <message>
        <source>&amp;Verbal, witnessed</source>
        <translation>&amp;Lisan, dengan saksi</translation>
    </message>
    <message>
        <source>Pa&amp;per form</source>
        <translation>&amp;Formulir kertas</translation>
    </message>
    <message>
        <source>How consent is given</source>
        <translation>Cara memberi persetujuan</translation>
    </message>
    <message>
        <source>Signature of the participant</source>
        <translation>Tanda tangan peserta</translation>
    </message>
    <message>
        <source>Who heard the consent</source>
        <translation>Siapa yang mendengar persetujuan</translation>
    </message>
    <message>
        <source>&amp;Witness name</source>
        <translation>Nama sa&amp;ksi</translation>
    </message>
    <message>
        <source>Paper form &amp;number</source>
        <translation>&amp;Nomor formulir kertas</translation>
    </message>
    <message>
        <source>The participant &amp;agrees (consent given)</source>
        <translation>Peserta &amp;setuju (persetujuan diberikan)</translation>
    </message>
    <message>
        <source>The consent statement is missing from this installation.</source>
        <translation>Naskah persetujuan tidak ada dalam pemasangan program ini.</translation>
    </message>
    <message>
        <source>Consent recorded on {date} at {time}</source>
        <translation>Persetujuan dicatat pada {date} pukul {time}</translation>
    </message>
    <message>
        <source>female</source>
        <translation>perempuan</translation>
    </message>
    <message>
        <source>male</source>
        <translation>laki-laki</translation>
    </message>
    <message>
        <source>Birth date, sex and issuing region filled in from the NIK: {details}</source>
        <translation>Tanggal lahir, jenis kelamin dan wilayah asal diisi dari NIK: {details}</translation>
    </message>
    <message>
        <source>According to the NIK: {details}</source>
        <translation>Menurut NIK: {details}</translation>
    </message>
    <message>
        <source>Heir {number}</source>
        <translation>Ahli waris {number}</translation>
    </message>
    <message>
        <source>Everything is filled in.</source>
        <translation>Semua sudah terisi.</translation>
    </message>
    <message>
        <source>{errors} to fix, {warnings} to check</source>
        <translation>{errors} harus diperbaiki, {warnings} perlu diperiksa</translation>
    </message>
    <message>
        <source>{errors} to fix</source>
        <translation>{errors} harus diperbaiki</translation>
    </message>
    <message>
        <source>{warnings} to check</source>
        <translation>{warnings} perlu diperiksa</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Choose the occupation and enter the monthly income to see the contribution.</source>
        <translation>Pilih pekerjaan dan isi penghasilan sebulan untuk melihat iurannya.</translation>
    </message>
    <message>
        <source>paid by the worker {worker}, by the funder {funder}</source>
        <translation>dibayar pekerja {worker}, ditanggung pemberi dana {funder}</translation>
    </message>
    <message>
        <source>paid by the worker {worker}</source>
        <translation>dibayar pekerja {worker}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contribution per month: {total}&lt;/b&gt; ({who})</source>
        <translation>&lt;b&gt;Iuran per bulan: {total}&lt;/b&gt; ({who})</translation>
    </message>
    <message>
        <source>JKK {jkk} + JKM {jkm} + JHT {jht} · income band {band}, base {base}</source>
        <translation>JKK {jkk} + JKM {jkm} + JHT {jht} · golongan penghasilan {band}, dasar iuran {base}</translation>
    </message>
    <message>
        <source>JKK {jkk} + JKM {jkm} · income band {band}, base {base}</source>
        <translation>JKK {jkk} + JKM {jkm} · golongan penghasilan {band}, dasar iuran {base}</translation>
    </message>
    <message>
        <source>&lt;b&gt;For {months} months at once: {total}&lt;/b&gt; (paid by the worker {worker})</source>
        <translation>&lt;b&gt;Untuk {months} bulan sekaligus: {total}&lt;/b&gt; (dibayar pekerja {worker})</translation>
    </message>
    <message>
        <source>Could not save. Keep this window open and call for help.</source>
        <translation>Gagal menyimpan. Biarkan jendela ini terbuka dan minta bantuan.</translation>
    </message>
    <message>
        <source>Registration: {name}</source>
        <translation>Pendaftaran: {name}</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Pendaftaran baru</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Siap kirim</translation>
    </message>
    <message>
        <source>Accepted by the branch</source>
        <translation>Diterima kantor cabang</translation>
    </message>
    <message>
        <source>Needs correction</source>
        <translation>Perlu diperbaiki</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Changes not saved yet…</source>
        <translation>Perubahan belum disimpan…</translation>
    </message>
    <message>
        <source>Saved automatically {time}</source>
        <translation>Disimpan otomatis pukul {time}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Belum disimpan</translation>
    </message>
</context>
<context>
    <name>RegistrationTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>Branch office: {reason}</source>
        <translation>Kantor cabang: {reason}</translation>
    </message>
    <message>
        <source>KPJ number: {number}</source>
        <translation>Nomor KPJ: {number}</translation>
    </message>
    <message>
        <source>Still to complete:</source>
        <translation>Masih harus dilengkapi:</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… dan {count} lagi</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Choose a backup to go back to. The current data is backed up first, so a restore can itself be undone.</source>
        <translation>Pilih cadangan yang ingin dipulihkan. Data yang sekarang dicadangkan dulu, jadi pemulihan ini pun bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Belum ada cadangan.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Pulihkan…</translation>
    </message>
    <message>
        <source>Replace all current data with the backup of {date}? Changes made after that time are set aside in a new backup.</source>
        <translation>Ganti semua data sekarang dengan cadangan {date}? Perubahan sesudah waktu itu disimpan tersendiri dalam cadangan baru.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature box</source>
        <translation>Kotak tanda tangan</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Erase the signature and sign again</source>
        <translation>Hapus tanda tangan lalu ulangi</translation>
    </message>
</context>
<context>
    <name>VolunteerPage</name>
    <message>
        <source>(not chosen)</source>
        <translation>(belum dipilih)</translation>
    </message>
    <message>
        <source>About you</source>
        <translation>Tentang Anda</translation>
    </message>
    <message>
        <source>Your name is written into every registration you make.</source>
        <translation>Nama Anda dicatat di setiap pendaftaran yang Anda buat.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>&amp;Nama Anda:</translation>
    </message>
    <message>
        <source>Your area (optional)</source>
        <translation>Wilayah kerja Anda (tidak wajib)</translation>
    </message>
    <message>
        <source>The village you work in is offered first in the form. You can skip this.</source>
        <translation>Desa tempat Anda bertugas akan muncul lebih dulu di formulir. Bagian ini boleh dilewati.</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota:</source>
        <translation>Ka&amp;bupaten/kota:</translation>
    </message>
    <message>
        <source>K&amp;ecamatan:</source>
        <translation>K&amp;ecamatan:</translation>
    </message>
    <message>
        <source>&amp;Desa/kelurahan:</source>
        <translation>&amp;Desa/kelurahan:</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Desa Peduli</source>
        <translation>Selamat datang di Desa Peduli</translation>
    </message>
    <message>
        <source>Three short steps, then you can start registering.</source>
        <translation>Tiga langkah singkat, lalu Anda bisa mulai mendaftarkan pekerja.</translation>
    </message>
    <message>
        <source>This program keeps the registrations you make for BPJS Ketenagakerjaan (BPU), encrypted on this laptop. It works without internet.</source>
        <translation>Program ini menyimpan pendaftaran BPJS Ketenagakerjaan (BPU) yang Anda buat, terkunci (terenkripsi) di laptop ini. Program ini bisa dipakai tanpa internet.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>How do you start?</source>
        <translation>Bagaimana Anda memulai?</translation>
    </message>
    <message>
        <source>&amp;On my own: register workers now, connect to the branch office later</source>
        <translation>&amp;Sendiri: daftarkan pekerja sekarang, hubungkan dengan kantor cabang nanti</translation>
    </message>
    <message>
        <source>With an enrolment &amp;file from the branch office</source>
        <translation>Dengan berkas pendaftaran &amp;relawan dari kantor cabang</translation>
    </message>
    <message>
        <source>This comes with the sync feature.</source>
        <translation>Pilihan ini menyusul bersama fitur sinkronisasi.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
</context>
</TS>
