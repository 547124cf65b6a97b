<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Desa Peduli</source>
        <translation>Tentang Desa Peduli</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versi {version}</translation>
    </message>
    <message>
        <source>Offline, encrypted registration of informal workers for BPJS Ketenagakerjaan (BPU), for the volunteers of Gerakan Desa Peduli Jaminan Sosial.</source>
        <translation>Pendaftaran pekerja informal untuk BPJS Ketenagakerjaan (BPU), tanpa internet dan terenkripsi, untuk para relawan Gerakan Desa Peduli Jaminan Sosial.</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Folder data: {folder}</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Buka folder</translation>
    </message>
    <message>
        <source>Qt {qt}, Python {python}</source>
        <translation>Qt {qt}, Python {python}</translation>
    </message>
    <message>
        <source>Desa Peduli is free software under the MIT licence. It includes Qt and Qt for Python (PySide6) under the GNU LGPL version 3, the region codes of the cahyadsn/wilayah compilation (MIT) and other open-source components, each under its own licence, shown below.</source>
        <translation>Desa Peduli adalah perangkat lunak bebas dengan lisensi MIT. Program ini memuat Qt dan Qt for Python (PySide6) dengan lisensi GNU LGPL versi 3, kode wilayah dari kompilasi cahyadsn/wilayah (MIT), dan komponen sumber terbuka lain, masing-masing dengan lisensinya sendiri, yang ditampilkan di bawah.</translation>
    </message>
    <message>
        <source>&amp;Licence:</source>
        <translation>&amp;Lisensi:</translation>
    </message>
    <message>
        <source>All licence files: {folder}</source>
        <translation>Semua berkas lisensi: {folder}</translation>
    </message>
    <message>
        <source>Running from source: the installed program carries every licence text in its licenses folder.</source>
        <translation>Dijalankan dari kode sumber: program yang terpasang membawa semua teks lisensi di folder licenses-nya.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>&amp;About Desa Peduli</source>
        <translation>&amp;Tentang Desa Peduli</translation>
    </message>
</context>
<context>
    <name>AddRegistrationsDialog</name>
    <message>
        <source>Add registrations to {batch}</source>
        <translation>Tambah pendaftaran ke {batch}</translation>
    </message>
    <message>
        <source>&amp;Village (or kecamatan/kabupaten code):</source>
        <translation>&amp;Desa (atau kode kecamatan/kabupaten):</translation>
    </message>
    <message>
        <source>V&amp;olunteer:</source>
        <translation>&amp;Relawan:</translation>
    </message>
    <message>
        <source>&amp;Selected in the Registrations tab ({count})</source>
        <translation>&amp;Terpilih di tab Pendaftaran ({count})</translation>
    </message>
    <message>
        <source>&amp;Move registrations another batch covers in these months</source>
        <translation>&amp;Pindahkan pendaftaran yang pada bulan-bulan ini ditanggung batch lain</translation>
    </message>
    <message>
        <source>Add the &amp;others when some are refused</source>
        <translation>Tetap tambahkan yang &amp;lain bila ada yang ditolak</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>T&amp;ambah</translation>
    </message>
    <message>
        <source>Type a village code, e.g. 15.04.05.2003.</source>
        <translation>Ketik kode desa, mis. 15.04.05.2003.</translation>
    </message>
    <message>
        <source>No volunteer is enrolled yet.</source>
        <translation>Belum ada relawan yang dicatat.</translation>
    </message>
    <message>
        <source>{id}: not found</source>
        <translation>{id}: tidak ditemukan</translation>
    </message>
    <message>
        <source>{count} registrations were refused (listed above); nothing was added. Press Add again to add the others.</source>
        <translation>{count} pendaftaran ditolak (lihat daftar di atas); belum ada yang ditambahkan. Tekan Tambah sekali lagi untuk menambahkan yang lain.</translation>
    </message>
</context>
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
    <name>BatchAcceptDialog</name>
    <message>
        <source>Batch accept</source>
        <translation>Terima sekaligus</translation>
    </message>
    <message>
        <source>Accept every clean registration of one bundle, one volunteer or one desa: received, without a NIK warning and not part of a duplicate pair. The batch is recorded with who accepted it and when.</source>
        <translation>Terima semua pendaftaran bersih dari satu bundel, satu relawan atau satu desa: sudah masuk, tanpa peringatan NIK, dan bukan bagian dari pasangan duplikat. Penerimaan ini dicatat beserta siapa yang menerima dan kapan.</translation>
    </message>
    <message>
        <source>&amp;Bundle:</source>
        <translation>&amp;Bundel:</translation>
    </message>
    <message>
        <source>&amp;Volunteer:</source>
        <translation>&amp;Relawan:</translation>
    </message>
    <message>
        <source>&amp;Desa:</source>
        <translation>&amp;Desa:</translation>
    </message>
    <message>
        <source>{file} (imported {when})</source>
        <translation>{file} (diimpor {when})</translation>
    </message>
    <message>
        <source>desa name or code</source>
        <translation>nama atau kode desa</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>Ter&amp;ima</translation>
    </message>
    <message>
        <source>Choose what to accept.</source>
        <translation>Pilih apa yang akan diterima.</translation>
    </message>
    <message numerus="yes">
        <source>%n clean registration(s) will be accepted.</source>
        <translation>
            <numerusform>%n pendaftaran bersih akan diterima.</numerusform>
        </translation>
    </message>
    <message>
        <source>No clean registration to accept here.</source>
        <translation>Tidak ada pendaftaran bersih untuk diterima di sini.</translation>
    </message>
    <message>
        <source>{count} stay in the review queue: {duplicates} in a duplicate pair, {warnings} with a NIK warning, {invalid} failed validation.</source>
        <translation>{count} tetap di antrean pemeriksaan: {duplicates} dalam pasangan duplikat, {warnings} dengan peringatan NIK, {invalid} gagal validasi.</translation>
    </message>
    <message>
        <source>{count} were decided before (accepted, sent back, registered or duplicate).</source>
        <translation>{count} sudah diputuskan sebelumnya (diterima, dikembalikan, terdaftar atau duplikat).</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Accept %n registration(s)</source>
        <translation>
            <numerusform>Ter&amp;ima %n pendaftaran</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BillDialog</name>
    <message>
        <source>Bill for {batch}</source>
        <translation>Tagihan untuk {batch}</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Bulan:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>F&amp;older:</translation>
    </message>
    <message>
        <source>A month&apos;s bill is kept as first issued: printing it again later gives the same figures, even after a rate-table update.</source>
        <translation>Tagihan sebulan disimpan seperti saat pertama dibuat: bila dicetak lagi nanti, angkanya tetap sama, walaupun tabel iuran sudah diperbarui.</translation>
    </message>
    <message>
        <source>&amp;Write bill</source>
        <translation>Buat &amp;tagihan</translation>
    </message>
    <message>
        <source>Folder for the bill</source>
        <translation>Folder untuk tagihan</translation>
    </message>
    <message>
        <source>Choose an existing folder for the bill.</source>
        <translation>Pilih folder yang sudah ada untuk tagihan.</translation>
    </message>
</context>
<context>
    <name>BranchMainWindow</name>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Riwayat impor</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Pendanaan</translation>
    </message>
    <message>
        <source>Ctrl+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
    <message>
        <source>Desa Peduli — {branch} (branch office) · {folder}</source>
        <translation>Desa Peduli — {branch} (kantor cabang) · {folder}</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Impor bundel…</translation>
    </message>
    <message>
        <source>Install &amp;reference data update…</source>
        <translation>Pasang pembaruan data &amp;referensi…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Buat &amp;cadangan sekarang</translation>
    </message>
    <message>
        <source>Res&amp;tore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>K&amp;unci sekarang</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Ganti kata &amp;sandi…</translation>
    </message>
    <message>
        <source>Branch &amp;fingerprint…</source>
        <translation>&amp;Kode pencocokan kantor cabang…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Panduan pengguna</translation>
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
        <source>&amp;View</source>
        <translation>&amp;Lihat</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>Branch fingerprint: {fingerprint}</source>
        <translation>Kode pencocokan kantor cabang: {fingerprint}</translation>
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
        <source>Reference data update (rate table in use: {version})</source>
        <translation>Pembaruan data referensi (tabel iuran yang dipakai: {version})</translation>
    </message>
    <message>
        <source>Rate table, occupation or funder list (*.json *.csv);;All files (*)</source>
        <translation>Tabel iuran, daftar pekerjaan atau daftar pendana (*.json *.csv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>Data referensi</translation>
    </message>
    <message>
        <source>Rate table version {version} installed.</source>
        <translation>Tabel iuran versi {version} sudah dipasang.</translation>
    </message>
    <message>
        <source>Funder list installed.</source>
        <translation>Daftar pendana sudah dipasang.</translation>
    </message>
    <message>
        <source>Occupation list installed.</source>
        <translation>Daftar pekerjaan sudah dipasang.</translation>
    </message>
    <message>
        <source>Every receipt from now on carries it to the volunteers&apos; laptops.</source>
        <translation>Mulai sekarang setiap tanda terima membawanya ke laptop para relawan.</translation>
    </message>
    <message>
        <source>This branch office:</source>
        <translation>Kantor cabang ini:</translation>
    </message>
    <message>
        <source>Read it aloud when a volunteer enrols their laptop: the volunteer must see the same fingerprint on their screen (Sync → Show fingerprints).</source>
        <translation>Bacakan ini saat relawan menghubungkan laptopnya: relawan harus melihat kode pencocokan yang sama di layarnya (Sinkronisasi → Tampilkan kode pencocokan).</translation>
    </message>
    <message>
        <source>Stopping the import… close the window again in a moment.</source>
        <translation>Impor sedang dihentikan… sebentar lagi tutup jendela ini sekali lagi.</translation>
    </message>
</context>
<context>
    <name>BranchPage</name>
    <message>
        <source>The branch office</source>
        <translation>Kantor cabang</translation>
    </message>
    <message>
        <source>This laptop receives the volunteers&apos; bundles and sends receipts back.</source>
        <translation>Laptop ini menerima bundel dari para relawan dan mengirim balik tanda terima.</translation>
    </message>
    <message>
        <source>Branch office &amp;name:</source>
        <translation>&amp;Nama kantor cabang:</translation>
    </message>
    <message>
        <source>&amp;Province:</source>
        <translation>Pro&amp;vinsi:</translation>
    </message>
    <message>
        <source>The name is shown to volunteers when they enrol. The keys that sign enrolment files and open bundles are made now and stay in this workspace.</source>
        <translation>Nama ini terlihat oleh relawan saat mereka menghubungkan laptopnya. Kunci untuk menandatangani berkas penghubung dan membuka bundel dibuat sekarang dan tetap di ruang kerja ini.</translation>
    </message>
</context>
<context>
    <name>BranchRegistrationTableModel</name>
    <message>
        <source>Volunteer</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Branch state</source>
        <translation>Status di cabang</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Alasan: {reason}</translation>
    </message>
    <message>
        <source>KPJ number: {number}</source>
        <translation>Nomor KPJ: {number}</translation>
    </message>
    <message>
        <source>Problems found on import:</source>
        <translation>Masalah yang ditemukan saat impor:</translation>
    </message>
    <message>
        <source>Volunteer&apos;s status: {status}</source>
        <translation>Status dari relawan: {status}</translation>
    </message>
</context>
<context>
    <name>BreachReportDialog</name>
    <message>
        <source>Breach report</source>
        <translation>Laporan kebocoran data</translation>
    </message>
    <message>
        <source>When a volunteer&apos;s laptop or a USB stick with bundles is lost, the people whose data it held must be told within 3×24 hours (UU 27/2022). Choose what was lost; the report lists those people and what data of theirs it held.</source>
        <translation>Jika laptop relawan atau flashdisk berisi bundel hilang, orang-orang yang datanya ada di dalamnya harus diberi tahu dalam 3×24 jam (UU 27/2022). Pilih apa yang hilang; laporan ini mendaftar orang-orang itu dan data mereka yang tersimpan di dalamnya.</translation>
    </message>
    <message>
        <source>A volunteer&apos;s &amp;laptop</source>
        <translation>&amp;Laptop relawan</translation>
    </message>
    <message>
        <source>A USB &amp;stick with bundles</source>
        <translation>&amp;Flashdisk berisi bundel</translation>
    </message>
    <message>
        <source>&amp;Volunteer:</source>
        <translation>&amp;Relawan:</translation>
    </message>
    <message>
        <source>Lapt&amp;op:</source>
        <translation>Lapt&amp;op:</translation>
    </message>
    <message>
        <source>The laptop holds every registration it sent the branch, including those the volunteer deleted. Those registered and told in a receipt may since have been removed by the volunteer (purge): they are listed and marked, because the laptop&apos;s backups can still hold them. Registrations made after its last bundle are unknown to the branch: ask the volunteer.</source>
        <translation>Laptop menyimpan setiap pendaftaran yang pernah dikirimnya ke kantor cabang, termasuk yang dihapus relawan. Data pribadi pendaftaran yang sudah terdaftar di BPJS dan tercatat di tanda terima mungkin sudah dihapus relawan: pendaftaran itu tetap dicantumkan dan ditandai, karena cadangan di laptop masih bisa memuatnya. Pendaftaran yang dibuat sesudah bundel terakhirnya tidak diketahui kantor cabang: tanyakan kepada relawan.</translation>
    </message>
    <message>
        <source>Tick the &amp;bundles that were on the stick (from the import history), or add bundle files:</source>
        <translation>Centang &amp;bundel yang ada di flashdisk (dari riwayat impor), atau tambahkan berkas bundel:</translation>
    </message>
    <message>
        <source>&amp;Add bundle file…</source>
        <translation>&amp;Tambah berkas bundel…</translation>
    </message>
    <message>
        <source>Loss &amp;discovered:</source>
        <translation>&amp;Diketahui hilang:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Write full &amp;NIKs</source>
        <translation>Tulis &amp;NIK lengkap</translation>
    </message>
    <message>
        <source>Only when the recipient needs them. Without it the NIK shows the region and the last four digits; name, desa and phone are always written.</source>
        <translation>Hanya jika penerimanya membutuhkan. Tanpa pilihan ini, NIK hanya menampilkan kode wilayah dan empat angka terakhir; nama, desa dan nomor HP selalu ditulis.</translation>
    </message>
    <message>
        <source>The file will hold full NIKs with names: keep it encrypted and delete it after use.</source>
        <translation>Berkas ini akan memuat NIK lengkap beserta nama: simpan dalam keadaan terenkripsi dan hapus setelah dipakai.</translation>
    </message>
    <message>
        <source>&amp;Write report…</source>
        <translation>T&amp;ulis laporan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>{file} · {volunteer} · made {made}, imported {imported}</source>
        <translation>{file} · {volunteer} · dibuat {made}, diimpor {imported}</translation>
    </message>
    <message>
        <source>{fingerprint} (current laptop)</source>
        <translation>{fingerprint} (laptop sekarang)</translation>
    </message>
    <message>
        <source>{fingerprint} (earlier laptop)</source>
        <translation>{fingerprint} (laptop sebelumnya)</translation>
    </message>
    <message>
        <source>no bundle received yet</source>
        <translation>belum ada bundel yang diterima</translation>
    </message>
    <message>
        <source>No bundle from this laptop has reached the branch.</source>
        <translation>Belum ada bundel dari laptop ini yang sampai di kantor cabang.</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) from this laptop, from {first} to {last}.</source>
        <translation>
            <numerusform>%n bundel dari laptop ini, dari {first} sampai {last}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add bundle files</source>
        <translation>Tambah berkas bundel</translation>
    </message>
    <message>
        <source>Sync bundles (*.dpbundle);;All files (*)</source>
        <translation>Bundel sinkronisasi (*.dpbundle);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>Berkas: {path}</translation>
    </message>
    <message>
        <source>Choose what was lost.</source>
        <translation>Pilih apa yang hilang.</translation>
    </message>
    <message>
        <source>Looking up the people…</source>
        <translation>Mencari orang yang terdampak…</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) whose data it could hold.</source>
        <translation>
            <numerusform>%n orang yang datanya mungkin ada di dalamnya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them possibly removed by the volunteer (purge).</source>
        <translation>
            <numerusform>%n di antaranya mungkin sudah dihapus relawan (hapus data pribadi).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more begun on the laptop but never sent: the branch has no data on them; ask the volunteer.</source>
        <translation>
            <numerusform>%n lagi dibuat di laptop tetapi belum pernah dikirim: kantor cabang tidak punya datanya; tanyakan kepada relawan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tell the people by {when}</source>
        <translation>Beri tahu orang-orang itu paling lambat {when}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Menulis {file}…</translation>
    </message>
    <message>
        <source>Report written: {file}</source>
        <translation>Laporan sudah ditulis: {file}</translation>
    </message>
    <message numerus="yes">
        <source>The list of %n person(s) is written:
{path}

Its summary sheet gives the counts, the time range and the kinds of data for the notice.</source>
        <translation>
            <numerusform>Daftar %n orang sudah ditulis:
{path}

Lembar ringkasannya memuat jumlah, rentang waktu dan jenis data untuk pemberitahuan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Photo of the KTP</source>
        <translation>Foto KTP</translation>
    </message>
    <message>
        <source>Hold the KTP in front of the camera, flat and well lit, so that the NIK can be read on the screen. Then press Take photo.</source>
        <translation>Pegang KTP di depan kamera, rata dan cukup terang, sampai NIK terbaca di layar. Lalu tekan Ambil foto.</translation>
    </message>
    <message>
        <source>&amp;Take photo</source>
        <translation>&amp;Ambil foto</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>The camera is not ready yet. Wait a moment and press Take photo again.</source>
        <translation>Kamera belum siap. Tunggu sebentar, lalu tekan Ambil foto lagi.</translation>
    </message>
    <message>
        <source>The camera could not take the photo. Try again, or close this window and choose a photo file.</source>
        <translation>Kamera tidak bisa mengambil foto. Coba lagi, atau tutup jendela ini dan pilih berkas foto.</translation>
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
    <name>ComparisonTableModel</name>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>These values differ</source>
        <translation>Nilai ini berbeda</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Needs correction</source>
        <translation>Perlu diperbaiki</translation>
    </message>
    <message>
        <source>What must the volunteer correct in the registration of {name}? The reason goes back to the volunteer with the next receipt.</source>
        <translation>Apa yang harus diperbaiki relawan pada pendaftaran {name}? Alasannya dikirim ke relawan bersama tanda terima berikutnya.</translation>
    </message>
    <message>
        <source>e.g. the phone number is not active; the KTP photo cannot be read</source>
        <translation>mis. nomor HP tidak aktif; foto KTP tidak terbaca</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
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
    <name>Coverage</name>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Provinces</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>no registrations for 2 weeks</source>
        <translation>tidak ada pendaftaran selama 2 minggu</translation>
    </message>
    <message>
        <source>no bundle for 14 days</source>
        <translation>tidak ada bundel selama 14 hari</translation>
    </message>
    <message>
        <source>many open corrections</source>
        <translation>banyak yang belum diperbaiki</translation>
    </message>
</context>
<context>
    <name>CoverageCharts</name>
    <message>
        <source>(no figures)</source>
        <translation>(tidak ada angka)</translation>
    </message>
    <message>
        <source>≥: no participant count exists, so only the registrations through Desa Peduli count</source>
        <translation>≥: belum ada angka peserta, jadi hanya pendaftaran lewat Desa Peduli yang dihitung</translation>
    </message>
    <message>
        <source>Coverage: target reached</source>
        <translation>Cakupan: target tercapai</translation>
    </message>
    <message>
        <source>Coverage: below target</source>
        <translation>Cakupan: di bawah target</translation>
    </message>
    <message>
        <source>Target {percent}</source>
        <translation>Target {percent}</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Registrations per week</source>
        <translation>Pendaftaran per minggu</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Awal minggu</translation>
    </message>
</context>
<context>
    <name>CoverageReport</name>
    <message>
        <source>Page {page}</source>
        <translation>Halaman {page}</translation>
    </message>
    <message>
        <source>Coverage report</source>
        <translation>Laporan cakupan</translation>
    </message>
    <message>
        <source>BPJS Ketenagakerjaan coverage of informal workers (BPU)</source>
        <translation>Cakupan kepesertaan BPJS Ketenagakerjaan pekerja informal (BPU)</translation>
    </message>
    <message>
        <source>{branch} · made on {date}</source>
        <translation>{branch} · dibuat pada {date}</translation>
    </message>
    <message>
        <source>Coverage per kabupaten/kota against target</source>
        <translation>Cakupan per kabupaten/kota terhadap target</translation>
    </message>
    <message>
        <source>Coverage per kabupaten/kota cannot be drawn yet: no kabupaten/kota has a potential-worker figure.</source>
        <translation>Cakupan per kabupaten/kota belum bisa digambar: belum ada kabupaten/kota yang memiliki angka pekerja potensial.</translation>
    </message>
    <message>
        <source>Registrations per week</source>
        <translation>Pendaftaran per minggu</translation>
    </message>
    <message>
        <source>No registrations yet, so no weekly trend.</source>
        <translation>Belum ada pendaftaran, jadi belum ada tren mingguan.</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(belum ada)</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Persentase</translation>
    </message>
    <message>
        <source>Registrations by occupation</source>
        <translation>Pendaftaran menurut pekerjaan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Participants by funder</source>
        <translation>Peserta per pendana</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Pendana</translation>
    </message>
    <message>
        <source>Participants
(KPJ)</source>
        <translation>Peserta
(KPJ)</translation>
    </message>
    <message>
        <source>Volunteers who may need a visit ({count} of {total})</source>
        <translation>Relawan yang mungkin perlu dikunjungi ({count} dari {total})</translation>
    </message>
    <message>
        <source>None: every volunteer registered people in the last two weeks, sent a bundle in the last 14 days and has few open corrections.</source>
        <translation>Tidak ada: setiap relawan mendaftarkan orang dalam dua minggu terakhir, mengirim bundel dalam 14 hari terakhir, dan hanya sedikit yang belum diperbaiki.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Regis-
trations</source>
        <translation>Pendaf-
taran</translation>
    </message>
    <message>
        <source>This
week</source>
        <translation>Minggu
ini</translation>
    </message>
    <message>
        <source>Last
bundle</source>
        <translation>Bundel
terakhir</translation>
    </message>
    <message>
        <source>Open
corrections</source>
        <translation>Belum
diperbaiki</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>… and {count} more (see the XLSX report).</source>
        <translation>… dan {count} lagi (lihat laporan XLSX).</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Registered
(KPJ)</source>
        <translation>Terdaftar
(KPJ)</translation>
    </message>
    <message>
        <source>Active
before</source>
        <translation>Aktif
sebelumnya</translation>
    </message>
    <message>
        <source>Potential
workers</source>
        <translation>Pekerja
potensial</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>To go</source>
        <translation>Kurang</translation>
    </message>
    <message>
        <source>Coverage per kabupaten/kota</source>
        <translation>Cakupan per kabupaten/kota</translation>
    </message>
    <message>
        <source>Coverage per kecamatan</source>
        <translation>Cakupan per kecamatan</translation>
    </message>
    <message>
        <source>Coverage per desa/kelurahan</source>
        <translation>Cakupan per desa/kelurahan</translation>
    </message>
    <message>
        <source>Coverage = (registered through Desa Peduli + active participants before) ÷ potential workers. Potential workers are BPJS Ketenagakerjaan&apos;s count where it was published, else BPS&apos;s employed persons (each region&apos;s source says which). ≥: no count of active participants exists for the region, so coverage counts Desa Peduli&apos;s registrations only; ?: unknown. A region without a target uses its parent&apos;s. Registrations: at the branch, not deleted, every state ({states}).</source>
        <translation>Cakupan = (terdaftar lewat Desa Peduli + peserta aktif sebelumnya) ÷ pekerja potensial. Pekerja potensial adalah hitungan BPJS Ketenagakerjaan bila sudah diterbitkan, jika tidak, penduduk yang bekerja menurut BPS (sumber tiap wilayah menyebutkan yang mana). ≥: belum ada angka peserta aktif untuk wilayah itu, jadi cakupan hanya menghitung pendaftaran lewat Desa Peduli; ?: tidak diketahui. Wilayah tanpa target memakai target wilayah induknya. Pendaftaran: yang ada di kantor cabang, tidak dihapus, semua status ({states}).</translation>
    </message>
    <message>
        <source>{percent} ({count} participants)</source>
        <translation>{percent} ({count} peserta)</translation>
    </message>
    <message>
        <source>target reached</source>
        <translation>target tercapai</translation>
    </message>
    <message>
        <source>Registrations at the branch</source>
        <translation>Pendaftaran di kantor cabang</translation>
    </message>
    <message>
        <source>Registered (KPJ number)</source>
        <translation>Terdaftar (nomor KPJ)</translation>
    </message>
    <message>
        <source>Active participants before</source>
        <translation>Peserta aktif sebelumnya</translation>
    </message>
    <message>
        <source>Potential workers</source>
        <translation>Pekerja potensial</translation>
    </message>
    <message>
        <source>Participants to go</source>
        <translation>Kekurangan peserta</translation>
    </message>
    <message>
        <source>By state: {states}.</source>
        <translation>Menurut status: {states}.</translation>
    </message>
    <message>
        <source>Province {name}</source>
        <translation>Provinsi {name}</translation>
    </message>
</context>
<context>
    <name>CoverageTableModel</name>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Regis-
trations</source>
        <translation>Pendaf-
taran</translation>
    </message>
    <message>
        <source>Regis-
tered</source>
        <translation>Ter-
daftar</translation>
    </message>
    <message>
        <source>Awaiting
BPJS</source>
        <translation>Menunggu
BPJS</translation>
    </message>
    <message>
        <source>Needs
correction</source>
        <translation>Perlu
diperbaiki</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Tidak sah</translation>
    </message>
    <message>
        <source>Active
participants</source>
        <translation>Peserta
aktif</translation>
    </message>
    <message>
        <source>Potential
workers</source>
        <translation>Pekerja
potensial</translation>
    </message>
    <message>
        <source>Cover-
age</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>To go</source>
        <translation>Kurang</translation>
    </message>
    <message>
        <source>Double-click or press Enter to see the regions below</source>
        <translation>Klik dua kali atau tekan Enter untuk melihat wilayah di bawahnya</translation>
    </message>
    <message>
        <source>Registrations at the branch (not deleted), every state</source>
        <translation>Pendaftaran di kantor cabang (tidak dihapus), semua status</translation>
    </message>
    <message>
        <source>Registered by BPJS Ketenagakerjaan (a KPJ number is recorded)</source>
        <translation>Didaftarkan oleh BPJS Ketenagakerjaan (nomor KPJ sudah dicatat)</translation>
    </message>
    <message>
        <source>Received or accepted, not yet registered by BPJS</source>
        <translation>Sudah masuk atau diterima, belum didaftarkan oleh BPJS</translation>
    </message>
    <message>
        <source>Sent back to the volunteer to correct</source>
        <translation>Dikembalikan ke relawan untuk diperbaiki</translation>
    </message>
    <message>
        <source>Failed validation at import: to check</source>
        <translation>Gagal validasi saat impor: perlu diperiksa</translation>
    </message>
    <message>
        <source>Participants already active before (published figures)</source>
        <translation>Peserta yang sudah aktif sebelumnya (angka yang dipublikasikan)</translation>
    </message>
    <message>
        <source>BPJS&apos;s count of potential workers: the denominator</source>
        <translation>Hitungan pekerja potensial dari BPJS: penyebut</translation>
    </message>
    <message>
        <source>(Registered + active participants) ÷ potential workers</source>
        <translation>(Terdaftar + peserta aktif) ÷ pekerja potensial</translation>
    </message>
    <message>
        <source>Coverage target (a parent region&apos;s when the region has none)</source>
        <translation>Target cakupan (target wilayah induk jika wilayah ini tidak punya)</translation>
    </message>
    <message>
        <source>Participants still needed to reach the target</source>
        <translation>Peserta yang masih dibutuhkan untuk mencapai target</translation>
    </message>
    <message>
        <source>Figures: {source}</source>
        <translation>Sumber angka: {source}</translation>
    </message>
    <message>
        <source>Potential workers: the sum of the regions below</source>
        <translation>Pekerja potensial: jumlah dari wilayah di bawahnya</translation>
    </message>
    <message>
        <source>No potential-worker figure for this region: enter it with Edit figures…</source>
        <translation>Belum ada angka pekerja potensial untuk wilayah ini: isi lewat Ubah angka…</translation>
    </message>
    <message>
        <source>No participant count exists for this region: coverage counts the {registered} registered through Desa Peduli ÷ {potential} potential workers, so it is at least this much.</source>
        <translation>Belum ada angka peserta untuk wilayah ini: cakupan dihitung dari {registered} yang terdaftar lewat Desa Peduli ÷ {potential} pekerja potensial, jadi paling sedikit sebesar ini.</translation>
    </message>
    <message>
        <source>({registered} registered + {active} active) ÷ {potential} potential workers</source>
        <translation>({registered} terdaftar + {active} aktif) ÷ {potential} pekerja potensial</translation>
    </message>
    <message>
        <source>No participant count exists for this region (none was published): enter it with Edit figures…</source>
        <translation>Belum ada angka peserta untuk wilayah ini (belum pernah diterbitkan): isi lewat Ubah angka…</translation>
    </message>
    <message>
        <source>The parent region&apos;s target</source>
        <translation>Target wilayah induk</translation>
    </message>
    <message>
        <source>Duplicates: {count}</source>
        <translation>Duplikat: {count}</translation>
    </message>
</context>
<context>
    <name>CoverageTargetDialog</name>
    <message>
        <source>Figures for {region}</source>
        <translation>Angka untuk {region}</translation>
    </message>
    <message>
        <source>BPJS Ketenagakerjaan&apos;s figures for {region}. Leave a field empty when the figure is not known; an empty target uses the parent region&apos;s.</source>
        <translation>Angka BPJS Ketenagakerjaan untuk {region}. Kosongkan isian jika angkanya tidak diketahui; target yang kosong memakai target wilayah induk.</translation>
    </message>
    <message>
        <source>e.g. 98206</source>
        <translation>mis. 98206</translation>
    </message>
    <message>
        <source>e.g. 49803</source>
        <translation>mis. 49803</translation>
    </message>
    <message>
        <source>parent&apos;s: {percent}</source>
        <translation>induk: {percent}</translation>
    </message>
    <message>
        <source>e.g. 55</source>
        <translation>mis. 55</translation>
    </message>
    <message>
        <source>where the figures come from, and when</source>
        <translation>asal angka ini, dan kapan</translation>
    </message>
    <message>
        <source>&amp;Potential workers:</source>
        <translation>&amp;Pekerja potensial:</translation>
    </message>
    <message>
        <source>&amp;Active participants:</source>
        <translation>Peserta &amp;aktif:</translation>
    </message>
    <message>
        <source>&amp;Target (%):</source>
        <translation>&amp;Target (%):</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Sumber:</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something unexpected went wrong in Desa Peduli. Everything saved before this moment is safe (registrations are saved while you type).

What to do: close Desa Peduli and start it again. If this happens again, send the log file to the branch office (it holds no NIKs, names or phone numbers):
{path}</source>
        <translation>Terjadi kesalahan tak terduga di Desa Peduli. Semua yang tersimpan sebelum saat ini aman (pendaftaran disimpan selagi Anda mengetik).

Yang perlu dilakukan: tutup Desa Peduli, lalu buka lagi. Jika terjadi lagi, kirim berkas catatan ini ke kantor cabang (isinya tanpa NIK, nama, atau nomor telepon):
{path}</translation>
    </message>
    <message>
        <source>(no log file could be written)</source>
        <translation>(berkas catatan tidak dapat ditulis)</translation>
    </message>
    <message>
        <source>Desa Peduli: unexpected error</source>
        <translation>Desa Peduli: kesalahan tak terduga</translation>
    </message>
    <message>
        <source>Open the log &amp;folder</source>
        <translation>Buka &amp;folder catatan</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>CreateBatchDialog</name>
    <message>
        <source>New funded batch</source>
        <translation>Batch baru dari pendana</translation>
    </message>
    <message>
        <source>e.g. DUMISAKE 2027 Tahap 1</source>
        <translation>mis. DUMISAKE 2027 Tahap 1</translation>
    </message>
    <message>
        <source>decree or agreement number</source>
        <translation>nomor SK atau perjanjian</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>tanpa kuota</translation>
    </message>
    <message>
        <source>&amp;Funder:</source>
        <translation>&amp;Pendana:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Decree or agreement:</source>
        <translation>&amp;SK atau perjanjian:</translation>
    </message>
    <message>
        <source>Cover &amp;from:</source>
        <translation>Ditanggung &amp;dari:</translation>
    </message>
    <message>
        <source>Cover &amp;to:</source>
        <translation>Ditanggung sa&amp;mpai:</translation>
    </message>
    <message>
        <source>&amp;Quota (people):</source>
        <translation>&amp;Kuota (orang):</translation>
    </message>
    <message>
        <source>&amp;Create batch</source>
        <translation>&amp;Buat batch</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ &amp;Kembali</translation>
    </message>
    <message>
        <source>Up one level (Alt+Left)</source>
        <translation>Naik satu tingkat (Alt+Left)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Muat &amp;ulang</translation>
    </message>
    <message>
        <source>Count again (F5)</source>
        <translation>Hitung ulang (F5)</translation>
    </message>
    <message>
        <source>&amp;Edit figures…</source>
        <translation>Ubah &amp;angka…</translation>
    </message>
    <message>
        <source>Potential workers, active participants and target of the selected region</source>
        <translation>Pekerja potensial, peserta aktif dan target wilayah yang dipilih</translation>
    </message>
    <message>
        <source>I&amp;mport figures…</source>
        <translation>I&amp;mpor angka…</translation>
    </message>
    <message>
        <source>Potential workers and targets from a CSV or Excel file (columns region_code or area, potential_workers, target_percent, active_participants, source)</source>
        <translation>Pekerja potensial dan target dari berkas CSV atau Excel (kolom region_code atau area, potential_workers, target_percent, active_participants, source)</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Simpan laporan…</translation>
    </message>
    <message>
        <source>The coverage report as PDF (for the branch head), Excel or CSV (Ctrl+P)</source>
        <translation>Laporan cakupan sebagai PDF (untuk kepala kantor cabang), Excel atau CSV (Ctrl+P)</translation>
    </message>
    <message>
        <source>Right-click to show or hide columns</source>
        <translation>Klik kanan untuk menampilkan atau menyembunyikan kolom</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Persentase</translation>
    </message>
    <message>
        <source>Against target</source>
        <translation>Terhadap target</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Per minggu</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Pendana</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Registered by BPJS Ketenagakerjaan (a KPJ number is recorded)</source>
        <translation>Terdaftar di BPJS Ketenagakerjaan (nomor KPJ sudah dicatat)</translation>
    </message>
    <message>
        <source>Occupation and funder</source>
        <translation>Pekerjaan dan pendana</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>{region} is a desa/kelurahan: the lowest level.</source>
        <translation>{region} adalah desa/kelurahan: tingkat terendah.</translation>
    </message>
    <message>
        <source>Desa/kelurahan of {region}. Back: Alt+Left.</source>
        <translation>Desa/kelurahan di {region}. Kembali: Alt+Left.</translation>
    </message>
    <message>
        <source>{level} of {region}: double-click or press Enter to see the regions below.</source>
        <translation>{level} di {region}: klik dua kali atau tekan Enter untuk melihat wilayah di bawahnya.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{region}&lt;/b&gt;: {count} registrations at the branch, {registered} registered (KPJ)</source>
        <translation>&lt;b&gt;{region}&lt;/b&gt;: {count} pendaftaran di kantor cabang, {registered} terdaftar (KPJ)</translation>
    </message>
    <message>
        <source>{active} active participants before, {potential} potential workers → coverage &lt;b&gt;{coverage}&lt;/b&gt;</source>
        <translation>{active} peserta aktif sebelumnya, {potential} pekerja potensial → cakupan &lt;b&gt;{coverage}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>target {target}: {gap} participants to go</source>
        <translation>target {target}: kurang {gap} peserta</translation>
    </message>
    <message>
        <source>target {target} reached</source>
        <translation>target {target} tercapai</translation>
    </message>
    <message>
        <source>target for {year} according to {source}</source>
        <translation>target tahun {year} menurut {source}</translation>
    </message>
    <message>
        <source>no potential-worker figure yet (Edit figures…)</source>
        <translation>belum ada angka pekerja potensial (Ubah angka…)</translation>
    </message>
    <message>
        <source>{count} more registrations lie outside the province or have no village.</source>
        <translation>{count} pendaftaran lagi berada di luar provinsi atau tanpa desa.</translation>
    </message>
    <message>
        <source>No registrations at the branch here yet: they appear after the volunteers&apos; bundles are imported (Import tab). Potential workers and targets can be entered now (Edit figures…).</source>
        <translation>Belum ada pendaftaran di kantor cabang untuk wilayah ini: pendaftaran muncul setelah bundel dari relawan diimpor (tab Impor). Pekerja potensial dan target bisa diisi sekarang (Ubah angka…).</translation>
    </message>
    <message>
        <source>No regions below {region}.</source>
        <translation>Tidak ada wilayah di bawah {region}.</translation>
    </message>
    <message>
        <source>No {level} of {region} has a potential-worker figure yet, so coverage cannot be computed. Select a region and press Edit figures…, or Import figures… from a CSV or Excel file.</source>
        <translation>Belum ada {level} di {region} yang memiliki angka pekerja potensial, jadi cakupan belum bisa dihitung. Pilih wilayah lalu tekan Ubah angka…, atau Impor angka… dari berkas CSV atau Excel.</translation>
    </message>
    <message>
        <source>Coverage per {level} against target</source>
        <translation>Cakupan per {level} terhadap target</translation>
    </message>
    <message>
        <source>No registrations yet: the weekly trend appears after the first bundle is imported.</source>
        <translation>Belum ada pendaftaran: tren mingguan muncul setelah bundel pertama diimpor.</translation>
    </message>
    <message>
        <source>Registrations per week, {region}</source>
        <translation>Pendaftaran per minggu, {region}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>No volunteer is enrolled yet (Volunteers tab, Enrol volunteer…).</source>
        <translation>Belum ada relawan yang dicatat (tab Relawan, Tambah relawan…).</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s); {visits} may need a visit (listed first): no registrations for 2 weeks, no bundle for 14 days, or many open corrections (10 or more, and at least 1 in 10 of their registrations).</source>
        <translation>
            <numerusform>%n relawan; {visits} mungkin perlu dikunjungi (ada di urutan teratas): tidak ada pendaftaran selama 2 minggu, tidak ada bundel selama 14 hari, atau banyak yang belum diperbaiki (10 atau lebih, dan minimal 1 dari 10 pendaftarannya).</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures saved.</source>
        <translation>Angka disimpan.</translation>
    </message>
    <message>
        <source>Import potential workers and targets</source>
        <translation>Impor pekerja potensial dan target</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx);;All files (*)</source>
        <translation>Tabel (*.csv *.xlsx);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import figures</source>
        <translation>Impor angka</translation>
    </message>
    <message numerus="yes">
        <source>{file}: figures of %n region(s) stored.</source>
        <translation>
            <numerusform>{file}: angka %n wilayah disimpan.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF for printing (*.pdf)</source>
        <translation>PDF untuk dicetak (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save coverage report</source>
        <translation>Simpan laporan cakupan</translation>
    </message>
    <message>
        <source>Report cancelled.</source>
        <translation>Laporan dibatalkan.</translation>
    </message>
    <message>
        <source>Report saved: {file}</source>
        <translation>Laporan disimpan: {file}</translation>
    </message>
</context>
<context>
    <name>DecisionsDialog</name>
    <message>
        <source>Decisions made</source>
        <translation>Riwayat keputusan</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Diputuskan oleh</translation>
    </message>
    <message>
        <source>No decision has been made here yet.</source>
        <translation>Belum ada keputusan yang diambil di sini.</translation>
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
        <translation>mis. terdaftar dua kali, orangnya tidak jadi ikut</translation>
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
    <name>DeskDialog</name>
    <message>
        <source>%v of %m</source>
        <translation>%v dari %m</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written or changed.</source>
        <translation>Dibatalkan. Tidak ada yang ditulis atau diubah.</translation>
    </message>
    <message>
        <source>The file could not be written ({error}). Check the folder and try again; nothing was changed.</source>
        <translation>Berkas tidak bisa ditulis ({error}). Periksa foldernya lalu coba lagi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Menghentikan…</translation>
    </message>
    <message>
        <source>E&amp;xcel workbook (.xlsx)</source>
        <translation>Buku kerja E&amp;xcel (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;CSV text (.csv)</source>
        <translation>Teks CS&amp;V (.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV text (*.csv)</source>
        <translation>Teks CSV (*.csv)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Possible duplicates to review</source>
        <translation>Kemungkinan duplikat untuk diperiksa</translation>
    </message>
</context>
<context>
    <name>DifferentPeopleDialog</name>
    <message>
        <source>one of them</source>
        <translation>salah satunya</translation>
    </message>
    <message>
        <source>Different people, one NIK</source>
        <translation>Orang berbeda, NIK sama</translation>
    </message>
    <message>
        <source>Both registrations carry NIK {nik}, but they are different people. Choose the one whose NIK was typed wrong: it goes back to its volunteer with the reason, to check the NIK against the KTP. The other stays as it is.</source>
        <translation>Kedua pendaftaran memakai NIK {nik}, tetapi orangnya berbeda. Pilih yang NIK-nya salah ketik: pendaftaran itu dikembalikan ke relawannya beserta alasannya, agar NIK dicocokkan lagi dengan KTP. Yang satunya tetap seperti semula.</translation>
    </message>
    <message>
        <source>&amp;Wrong NIK:</source>
        <translation>NIK yang &amp;salah:</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <source>The branch office workspace is created.</source>
        <translation>Ruang kerja kantor cabang sudah dibuat.</translation>
    </message>
    <message>
        <source>Volunteers see this fingerprint when they enrol their laptop. Read it aloud with them (Help → Branch fingerprint shows it again).</source>
        <translation>Relawan melihat kode pencocokan ini saat menghubungkan laptopnya. Bacakan bersama mereka (Bantuan → Kode pencocokan kantor cabang menampilkannya lagi).</translation>
    </message>
    <message>
        <source>Your workspace is created.</source>
        <translation>Ruang kerja Anda sudah dibuat.</translation>
    </message>
    <message>
        <source>Read both fingerprints aloud with the branch office staff: they must see the same on their screen. If they differ, call the branch office before sending anything. (Sync → Show fingerprints shows them again.)</source>
        <translation>Bacakan kedua kode pencocokan bersama petugas kantor cabang: di layar mereka harus tampil yang sama. Jika berbeda, hubungi kantor cabang sebelum mengirim apa pun. (Sinkronisasi → Tampilkan kode pencocokan menampilkannya lagi.)</translation>
    </message>
</context>
<context>
    <name>Drives</name>
    <message>
        <source>{size} GB free</source>
        <translation>{size} GB kosong</translation>
    </message>
    <message>
        <source>{size} MB free</source>
        <translation>{size} MB kosong</translation>
    </message>
</context>
<context>
    <name>DuplicateOfDialog</name>
    <message>
        <source>Duplicate of…</source>
        <translation>Duplikat dari…</translation>
    </message>
    <message>
        <source>Mark the registration of {name} as a duplicate of another registration. The other one is kept.</source>
        <translation>Tandai pendaftaran {name} sebagai duplikat dari pendaftaran lain. Pendaftaran yang lain itu tetap disimpan.</translation>
    </message>
    <message>
        <source>Registrations with the same &amp;NIK:</source>
        <translation>Pendaftaran dengan &amp;NIK yang sama:</translation>
    </message>
    <message>
        <source>None found: type the other registration&apos;s ID or NIK.</source>
        <translation>Tidak ada: ketik ID atau NIK pendaftaran yang lain itu.</translation>
    </message>
    <message>
        <source>registration ID or 16-digit NIK</source>
        <translation>ID pendaftaran atau NIK 16 angka</translation>
    </message>
    <message>
        <source>&amp;Or type:</source>
        <translation>&amp;Atau ketik:</translation>
    </message>
    <message>
        <source>&amp;Mark as duplicate</source>
        <translation>&amp;Tandai sebagai duplikat</translation>
    </message>
    <message>
        <source>Choose the other registration, or type its ID or NIK.</source>
        <translation>Pilih pendaftaran yang lain itu, atau ketik ID atau NIK-nya.</translation>
    </message>
    <message>
        <source>Several registrations have this NIK: choose one from the list.</source>
        <translation>Beberapa pendaftaran memakai NIK ini: pilih satu dari daftar.</translation>
    </message>
    <message>
        <source>No other registration has this ID or NIK.</source>
        <translation>Tidak ada pendaftaran lain dengan ID atau NIK ini.</translation>
    </message>
</context>
<context>
    <name>EnrolVolunteerDialog</name>
    <message>
        <source>Enrol a volunteer</source>
        <translation>Tambah relawan</translation>
    </message>
    <message>
        <source>Volunteer &amp;ID:</source>
        <translation>&amp;ID relawan:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>Villages the volunteer works in</source>
        <translation>Desa tempat relawan bertugas</translation>
    </message>
    <message>
        <source>&amp;Kabupaten/kota:</source>
        <translation>Kabupaten/k&amp;ota:</translation>
    </message>
    <message>
        <source>K&amp;ecamatan:</source>
        <translation>K&amp;ecamatan:</translation>
    </message>
    <message>
        <source>&amp;Desa/kelurahan:</source>
        <translation>&amp;Desa/kelurahan:</translation>
    </message>
    <message>
        <source>or a code, e.g. 15.04.05.2003</source>
        <translation>atau kode, mis. 15.04.05.2003</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>&amp;Add village</source>
        <translation>&amp;Tambah desa</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>&amp;Save the enrolment file to:</source>
        <translation>&amp;Simpan berkas penghubung ke:</translation>
    </message>
    <message>
        <source>Folder for the enrolment file</source>
        <translation>Folder untuk berkas penghubung</translation>
    </message>
    <message>
        <source>&amp;Write enrolment file</source>
        <translation>Tulis berkas peng&amp;hubung</translation>
    </message>
    <message>
        <source>Choose a desa/kelurahan, or type its code (e.g. 15.04.05.2003).</source>
        <translation>Pilih desa/kelurahan, atau ketik kodenya (mis. 15.04.05.2003).</translation>
    </message>
    <message>
        <source>Choose where to save the enrolment file.</source>
        <translation>Pilih tempat menyimpan berkas penghubung.</translation>
    </message>
</context>
<context>
    <name>EnrolmentChooser</name>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Pilih berkas…</translation>
    </message>
    <message>
        <source>the enrolment file ({suffix}) from the USB stick</source>
        <translation>berkas penghubung ({suffix}) dari flashdisk</translation>
    </message>
    <message>
        <source>Enrolment file from the branch office</source>
        <translation>Berkas penghubung dari kantor cabang</translation>
    </message>
    <message>
        <source>Enrolment files (*{suffix});;All files (*)</source>
        <translation>Berkas penghubung (*{suffix});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Branch office: {branch} (fingerprint {fingerprint})
Volunteer: {id}, {name}</source>
        <translation>Kantor cabang: {branch} (kode pencocokan {fingerprint})
Relawan: {id}, {name}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export bundle for the branch office</source>
        <translation>Simpan bundel untuk kantor cabang</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) go in this bundle: {new} not sent yet, and {again} sent before that the branch office has not confirmed yet (sent again in case that stick was lost).</source>
        <translation>
            <numerusform>%n pendaftaran masuk bundel ini: {new} belum pernah dikirim, dan {again} sudah dikirim sebelumnya tetapi belum dibalas kantor cabang lewat tanda terima (dikirim lagi kalau-kalau flashdisk itu hilang).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) are waiting to be sent to the branch office.</source>
        <translation>
            <numerusform>%n pendaftaran menunggu dikirim ke kantor cabang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every registration has been confirmed by the branch office; there is nothing new to send.</source>
        <translation>Tanda terima kantor cabang sudah mencakup semua pendaftaran; tidak ada yang baru untuk dikirim.</translation>
    </message>
    <message>
        <source>Last bundle: {when}, {file}</source>
        <translation>Bundel terakhir: {when}, {file}</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Simpan ke:</translation>
    </message>
    <message>
        <source>Folder for the bundle</source>
        <translation>Folder untuk bundel</translation>
    </message>
    <message>
        <source>Send everything &amp;again (also what the branch office already confirmed)</source>
        <translation>Kirim semua la&amp;gi (juga yang sudah ada di tanda terima)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>Simpan &amp;bundel</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Choose where to save the bundle first.</source>
        <translation>Pilih dulu tempat menyimpan bundel.</translation>
    </message>
    <message>
        <source>Nothing new to send: the branch office has confirmed everything. No file was written.</source>
        <translation>Tidak ada yang baru untuk dikirim: kantor cabang sudah mengonfirmasi semuanya. Tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>Saved {file}
in {folder} ({count} registrations).

The data in this file is encrypted: only the branch office can open it. The registrations stay on this laptop until the branch office&apos;s receipt comes back.</source>
        <translation>{file} tersimpan
di {folder} ({count} pendaftaran).

Data dalam berkas ini terkunci (terenkripsi): hanya kantor cabang yang bisa membukanya. Pendaftaran tetap ada di laptop ini sampai tanda terima dari kantor cabang kembali.</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>Fingerprints</source>
        <translation>Kode pencocokan</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
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
    <message>
        <source>The workspace of {branch} is ready.</source>
        <translation>Ruang kerja {branch} sudah siap.</translation>
    </message>
    <message>
        <source>Branch office fingerprint:</source>
        <translation>Kode pencocokan kantor cabang:</translation>
    </message>
    <message>
        <source>The workspace is created, but enrolling it failed: {error} Enrol it later with Sync → Enrol this laptop.</source>
        <translation>Ruang kerja sudah dibuat, tetapi menghubungkannya dengan kantor cabang gagal: {error} Hubungkan nanti lewat Sinkronisasi → Hubungkan laptop ini.</translation>
    </message>
    <message>
        <source>This laptop is enrolled with {branch} as volunteer {id}.</source>
        <translation>Laptop ini terhubung dengan {branch} sebagai relawan {id}.</translation>
    </message>
</context>
<context>
    <name>FundingView</name>
    <message>
        <source>&amp;New batch…</source>
        <translation>&amp;Batch baru…</translation>
    </message>
    <message>
        <source>&amp;Add registrations…</source>
        <translation>Tambah &amp;pendaftaran…</translation>
    </message>
    <message>
        <source>&amp;Bill…</source>
        <translation>&amp;Tagihan…</translation>
    </message>
    <message>
        <source>Write a month&apos;s bill for the selected batch: people covered, per kabupaten/kota and in total</source>
        <translation>Buat tagihan sebulan untuk batch yang dipilih: jumlah orang yang ditanggung, per kabupaten/kota dan seluruhnya</translation>
    </message>
    <message>
        <source>C&amp;hange reading…</source>
        <translation>&amp;Ubah tafsiran…</translation>
    </message>
    <message>
        <source>Whether a village budget counts as APBD for the PP 50/2025 relief, and why</source>
        <translation>Apakah dana desa termasuk APBD untuk keringanan PP 50/2025, dan apa dasarnya</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Pendana</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Decree or agreement</source>
        <translation>SK atau perjanjian</translation>
    </message>
    <message>
        <source>Cover period</source>
        <translation>Masa tanggungan</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kuota</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>Covered from</source>
        <translation>Ditanggung dari</translation>
    </message>
    <message>
        <source>Covered to</source>
        <translation>Ditanggung sampai</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ditambahkan oleh</translation>
    </message>
    <message>
        <source>No funded batch yet. Press New batch… to record a funder&apos;s batch (DUMISAKE, DBH Sawit, dana desa, CSR) with its decree and cover period.</source>
        <translation>Belum ada batch dari pendana. Tekan Batch baru… untuk mencatat batch dari pendana (DUMISAKE, DBH Sawit, dana desa, CSR) beserta SK dan masa tanggungannya.</translation>
    </message>
    <message>
        <source>Dana desa and PP 50/2025: {reading}</source>
        <translation>Dana desa dan PP 50/2025: {reading}</translation>
    </message>
    <message>
        <source>Add registrations</source>
        <translation>Tambah pendaftaran</translation>
    </message>
    <message>
        <source>{added} registrations added, {moved} moved from another batch, {refused} refused.</source>
        <translation>{added} pendaftaran ditambahkan, {moved} dipindahkan dari batch lain, {refused} ditolak.</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Tagihan</translation>
    </message>
    <message>
        <source>Bill written: {file}
in {folder}</source>
        <translation>Tagihan sudah dibuat: {file}
di {folder}</translation>
    </message>
</context>
<context>
    <name>HandoverColumnsTableModel</name>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>Judul kolom di berkas</translation>
    </message>
    <message>
        <source>The field&apos;s name in the interface language; type to rename it</source>
        <translation>Nama kolom dalam bahasa tampilan; ketik untuk menggantinya</translation>
    </message>
</context>
<context>
    <name>HandoverDesk</name>
    <message>
        <source>Export for &amp;hand-over…</source>
        <translation>&amp;Ekspor untuk serah terima…</translation>
    </message>
    <message>
        <source>Import &amp;KPJ numbers…</source>
        <translation>Impor &amp;nomor KPJ…</translation>
    </message>
    <message>
        <source>Brea&amp;ch report…</source>
        <translation>&amp;Laporan kebocoran data…</translation>
    </message>
    <message>
        <source>BPJS Ketenagakerjaan core system:</source>
        <translation>Sistem inti BPJS Ketenagakerjaan:</translation>
    </message>
    <message>
        <source>Export for hand-over…</source>
        <translation>Ekspor untuk serah terima…</translation>
    </message>
    <message>
        <source>Write the file for the core system from the registrations chosen here (Ctrl+Shift+E)</source>
        <translation>Buat berkas untuk sistem inti dari pendaftaran yang dipilih di sini (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Import KPJ results…</source>
        <translation>Impor hasil KPJ…</translation>
    </message>
    <message>
        <source>Read the core system&apos;s answer: the KPJ numbers, and the registrations it refused, which go back to their volunteers (Ctrl+Shift+K)</source>
        <translation>Baca jawaban sistem inti: nomor KPJ, dan pendaftaran yang ditolak, yang dikembalikan ke relawannya (Ctrl+Shift+K)</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) marked Registered from {file}</source>
        <translation>
            <numerusform>%n pendaftaran ditandai Terdaftar dari {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverExportDialog</name>
    <message>
        <source>Export for hand-over</source>
        <translation>Ekspor untuk serah terima</translation>
    </message>
    <message>
        <source>Writes the registrations for BPJS Ketenagakerjaan&apos;s core system. Choose which ones, the file format and the columns; the file holds personal data: hand it over and then delete it.</source>
        <translation>Menulis pendaftaran untuk sistem inti BPJS Ketenagakerjaan. Pilih pendaftaran mana, format berkas dan kolomnya; berkas ini memuat data pribadi: serahkan, lalu hapus.</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>All volunteers</source>
        <translation>Semua relawan</translation>
    </message>
    <message>
        <source>e.g. 15.04 or 15.04.05.2003</source>
        <translation>mis. 15.04 atau 15.04.05.2003</translation>
    </message>
    <message>
        <source>Name or NIK…</source>
        <translation>Nama atau NIK…</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Volunteer:</source>
        <translation>&amp;Relawan:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Wilayah:</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>How dates are written in a CSV file and shown in an Excel workbook (where they are real dates)</source>
        <translation>Cara tanggal ditulis di berkas CSV dan ditampilkan di berkas Excel (di sana tanggalnya berupa tanggal sungguhan)</translation>
    </message>
    <message>
        <source>One file</source>
        <translation>Satu berkas</translation>
    </message>
    <message>
        <source>One file per kabupaten</source>
        <translation>Satu berkas per kabupaten</translation>
    </message>
    <message>
        <source>One file per funder</source>
        <translation>Satu berkas per pendana</translation>
    </message>
    <message>
        <source>Several files, named by kabupaten code or funder, each with a summary of people and monthly contributions per funder</source>
        <translation>Beberapa berkas, dinamai menurut kode kabupaten atau pendana, masing-masing dengan ringkasan jumlah orang dan iuran bulanan per pendana</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>T&amp;anggal:</translation>
    </message>
    <message>
        <source>F&amp;iles:</source>
        <translation>Ber&amp;kas:</translation>
    </message>
    <message>
        <source>Columns (tick, order, rename)</source>
        <translation>Kolom (centang, urutkan, ganti nama)</translation>
    </message>
    <message>
        <source>Space ticks a field; F2 or typing renames its header.</source>
        <translation>Space mencentang isian; F2 atau mengetik mengganti judul kolomnya.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>&amp;Naikkan</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>T&amp;urunkan</translation>
    </message>
    <message>
        <source>&amp;Default columns</source>
        <translation>Kolom &amp;standar</translation>
    </message>
    <message>
        <source>Every field in the standard order and names</source>
        <translation>Semua isian dengan urutan dan nama standar</translation>
    </message>
    <message>
        <source>Save as de&amp;fault</source>
        <translation>Jadikan &amp;bawaan</translation>
    </message>
    <message>
        <source>Use these columns for every hand-over file from now on</source>
        <translation>Pakai kolom ini untuk setiap berkas serah terima mulai sekarang</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Ekspor…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Every kabupaten, kecamatan and desa</source>
        <translation>Semua kabupaten, kecamatan dan desa</translation>
    </message>
    <message>
        <source>Unknown region code</source>
        <translation>Kode wilayah tidak dikenal</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>The registrations could not be counted.</source>
        <translation>Pendaftaran tidak bisa dihitung.</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) will be written.</source>
        <translation>
            <numerusform>%n pendaftaran akan ditulis.</numerusform>
        </translation>
    </message>
    <message>
        <source>The standard columns are shown; save them as default to keep them.</source>
        <translation>Kolom standar ditampilkan; jadikan bawaan agar tetap dipakai.</translation>
    </message>
    <message>
        <source>These columns are now the default.</source>
        <translation>Kolom ini sekarang menjadi bawaan.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Menulis {file}…</translation>
    </message>
    <message>
        <source>{count} registration(s) written to {file}</source>
        <translation>{count} pendaftaran ditulis ke {file}</translation>
    </message>
    <message>
        <source>{count} registration(s) written:
{path}

The file holds personal data: hand it over to the core system, then delete it.</source>
        <translation>{count} pendaftaran sudah ditulis:
{path}

Berkas ini memuat data pribadi: serahkan ke sistem inti, lalu hapus.</translation>
    </message>
    <message>
        <source>{count} registration(s) written to {files} file(s) in {folder}</source>
        <translation>{count} pendaftaran ditulis ke {files} berkas di {folder}</translation>
    </message>
    <message>
        <source>{count} registration(s) written to {folder}:
{names}

The files hold personal data: hand them over to the core system, then delete them.</source>
        <translation>{count} pendaftaran ditulis ke {folder}:
{names}

Berkas ini berisi data pribadi: serahkan ke sistem inti, lalu hapus.</translation>
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
    <name>HelpWindow</name>
    <message>
        <source>Desa Peduli: user guide</source>
        <translation>Desa Peduli: panduan pengguna</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Daftar isi</translation>
    </message>
    <message>
        <source>Back to the start of the guide</source>
        <translation>Kembali ke awal panduan</translation>
    </message>
    <message>
        <source>Find in the guide (Enter: next)…</source>
        <translation>Cari di panduan (Enter: berikutnya)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Panduan pengguna tidak ada di pemasangan ini.</translation>
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
    <name>HistoryView</name>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Tidak berubah</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Written on the laptop</source>
        <translation>Ditulis di laptop</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>No bundle has been imported yet.</source>
        <translation>Belum ada bundel yang diimpor.</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Impor bundel…</translation>
    </message>
    <message>
        <source>Choose the .dpbundle files the volunteers brought (Ctrl+I)</source>
        <translation>Pilih berkas .dpbundle yang dibawa para relawan (Ctrl+I)</translation>
    </message>
    <message>
        <source>Approve this &amp;laptop…</source>
        <translation>Setujui &amp;laptop ini…</translation>
    </message>
    <message>
        <source>For a bundle refused because it came from a new laptop: check its fingerprint with the volunteer, approve it, and import the bundle again</source>
        <translation>Untuk bundel yang ditolak karena berasal dari laptop baru: periksa kode pencocokannya bersama relawan, setujui, lalu impor bundel itu lagi</translation>
    </message>
    <message>
        <source>A backup is made before every import. Each file is imported whole or not at all; a refused file changes nothing.</source>
        <translation>Cadangan dibuat sebelum setiap impor. Setiap berkas diimpor utuh atau tidak sama sekali; berkas yang ditolak tidak mengubah apa pun.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Tidak berubah</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Import sync bundles</source>
        <translation>Impor bundel sinkronisasi</translation>
    </message>
    <message>
        <source>Sync bundles (*.dpbundle);;All files (*)</source>
        <translation>Bundel sinkronisasi (*.dpbundle);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import bundles</source>
        <translation>Impor bundel</translation>
    </message>
    <message>
        <source>No backup could be made, so nothing was imported: {error}</source>
        <translation>Cadangan tidak bisa dibuat, jadi tidak ada yang diimpor: {error}</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Menyiapkan…</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>Importing bundles</source>
        <translation>Mengimpor bundel</translation>
    </message>
    <message>
        <source>Importing {file}
(file {number} of {count})</source>
        <translation>Mengimpor {file}
(berkas {number} dari {count})</translation>
    </message>
    <message>
        <source>Importing {file}
(file {number} of {count}): {records} records read</source>
        <translation>Mengimpor {file}
(berkas {number} dari {count}): {records} catatan dibaca</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) imported</source>
        <translation>
            <numerusform>%n bundel diimpor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n ditolak</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n dibatalkan</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Sudah diimpor.</translation>
    </message>
    <message>
        <source>First bundle from this volunteer: laptop {fingerprint} registered.</source>
        <translation>Bundel pertama dari relawan ini: laptop {fingerprint} dicatat.</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) need checking (state &quot;invalid&quot;).</source>
        <translation>
            <numerusform>%n pendaftaran perlu diperiksa (status &quot;tidak sah&quot;).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing from this file was imported.</source>
        <translation>Dibatalkan: tidak ada isi berkas ini yang diimpor.</translation>
    </message>
    <message>
        <source>New laptop&apos;s fingerprint: {fingerprint}.</source>
        <translation>Kode pencocokan laptop baru: {fingerprint}.</translation>
    </message>
    <message>
        <source>Refused: {message}</source>
        <translation>Ditolak: {message}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… dan {count} lagi</translation>
    </message>
    <message>
        <source>{file} was sent from a laptop not yet confirmed for this volunteer: it does not prove their enrolment file.

Its fingerprint: {fingerprint}

Ask the volunteer to read the fingerprint on their laptop (Sync → Show fingerprints). Approve only if it is the same; then the bundle is imported again.</source>
        <translation>{file} dikirim dari laptop yang belum dikonfirmasi untuk relawan ini: bundel itu tidak membuktikan bahwa laptop itu dihubungkan dengan berkas penghubung relawan ini.

Kode pencocokannya: {fingerprint}

Minta relawan membacakan kode pencocokan di laptopnya (Sinkronisasi → Tampilkan kode pencocokan). Setujui hanya jika sama; setelah itu bundel diimpor lagi.</translation>
    </message>
    <message>
        <source>Approve this laptop</source>
        <translation>Setujui laptop ini</translation>
    </message>
    <message>
        <source>{file} was sent from a laptop other than the one registered for this volunteer.

Its fingerprint: {fingerprint}

Ask the volunteer to read the fingerprint on their laptop (Sync → Show fingerprints). Approve only if it is the same; then the bundle is imported again.</source>
        <translation>{file} dikirim dari laptop yang berbeda dengan laptop yang tercatat untuk relawan ini.

Kode pencocokannya: {fingerprint}

Minta relawan membacakan kode pencocokan di laptopnya (Sinkronisasi → Tampilkan kode pencocokan). Setujui hanya jika sama; sesudah itu bundel diimpor lagi.</translation>
    </message>
    <message>
        <source>&amp;Approve and import</source>
        <translation>&amp;Setujui dan impor</translation>
    </message>
</context>
<context>
    <name>KpjDialog</name>
    <message>
        <source>Registered</source>
        <translation>Terdaftar di BPJS</translation>
    </message>
    <message>
        <source>{name} is registered with BPJS Ketenagakerjaan. Type the KPJ number from the membership card.</source>
        <translation>{name} sudah terdaftar di BPJS Ketenagakerjaan. Ketik nomor KPJ dari kartu peserta.</translation>
    </message>
    <message>
        <source>8–16 digits</source>
        <translation>8–16 angka</translation>
    </message>
    <message>
        <source>&amp;KPJ number:</source>
        <translation>Nomor &amp;KPJ:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
</context>
<context>
    <name>KpjImportDialog</name>
    <message>
        <source>Import KPJ numbers</source>
        <translation>Impor nomor KPJ</translation>
    </message>
    <message>
        <source>Choose the CSV or Excel file from the core system with each participant&apos;s NIK and KPJ number. Each matching registration is marked Registered with its number and the volunteer learns it from the next receipt. Rows that cannot be used are listed below with their row number.</source>
        <translation>Pilih berkas CSV atau Excel dari sistem inti yang berisi NIK dan nomor KPJ setiap peserta. Setiap pendaftaran yang cocok ditandai Terdaftar beserta nomornya, dan relawan mengetahuinya dari tanda terima berikutnya. Baris yang tidak bisa dipakai dicantumkan di bawah dengan nomor barisnya.</translation>
    </message>
    <message>
        <source>A result column may say what the core system did with each row: registered (new KPJ number), already_participant (existing KPJ number), dukcapil_mismatch or rejected. The last two go back to their volunteer as Needs correction, with the reason column&apos;s text.</source>
        <translation>Kolom hasil boleh menyebutkan apa yang dilakukan sistem inti pada tiap baris: registered (nomor KPJ baru), already_participant (nomor KPJ yang sudah ada), dukcapil_mismatch atau rejected. Dua yang terakhir dikembalikan ke relawannya sebagai Perlu diperbaiki, dengan isi kolom alasan.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Belum ada berkas yang dipilih</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>&amp;Pilih berkas…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Berkas:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Header &amp;row:</source>
        <translation>Baris &amp;judul:</translation>
    </message>
    <message>
        <source>&amp;NIK column:</source>
        <translation>Kolom &amp;NIK:</translation>
    </message>
    <message>
        <source>&amp;KPJ column:</source>
        <translation>Kolom &amp;KPJ:</translation>
    </message>
    <message>
        <source>Res&amp;ult column:</source>
        <translation>Kolom &amp;hasil:</translation>
    </message>
    <message>
        <source>Reas&amp;on column:</source>
        <translation>Kolom &amp;alasan:</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>KPJ number</source>
        <translation>Nomor KPJ</translation>
    </message>
    <message>
        <source>Why not used</source>
        <translation>Alasan tidak dipakai</translation>
    </message>
    <message>
        <source>&amp;Save this list…</source>
        <translation>&amp;Simpan daftar ini…</translation>
    </message>
    <message>
        <source>The rows not used, as a CSV file</source>
        <translation>Baris yang tidak dipakai, sebagai berkas CSV</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>P&amp;eriksa</translation>
    </message>
    <message>
        <source>See what would change, without changing anything</source>
        <translation>Lihat apa yang akan berubah, tanpa mengubah apa pun</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Lembar kerja (*.xlsx *.csv);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Membaca {file}…</translation>
    </message>
    <message>
        <source>Choose the NIK and KPJ columns: they could not be recognised.</source>
        <translation>Pilih kolom NIK dan KPJ: kolom itu tidak bisa dikenali.</translation>
    </message>
    <message>
        <source>result</source>
        <translation>hasil</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>alasan</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(pilih)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Mengimpor {file}…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Memeriksa {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n registration(s) marked Registered.</source>
        <translation>
            <numerusform>Selesai: %n pendaftaran ditandai Terdaftar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Check only, nothing changed: %n registration(s) would be marked Registered.</source>
        <translation>
            <numerusform>Hanya pemeriksaan, tidak ada yang diubah: %n pendaftaran akan ditandai Terdaftar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already registered with the same number.</source>
        <translation>
            <numerusform>%n sudah terdaftar dengan nomor yang sama.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) not used (below).</source>
        <translation>
            <numerusform>%n baris tidak dipakai (lihat di bawah).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>registered (new KPJ): %n</source>
        <translation>
            <numerusform>terdaftar di BPJS (KPJ baru): %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>already a participant (existing KPJ): %n</source>
        <translation>
            <numerusform>sudah jadi peserta (KPJ lama): %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dukcapil mismatch, sent back to be corrected: %n</source>
        <translation>
            <numerusform>tidak cocok dengan Dukcapil, dikembalikan untuk diperbaiki: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rejected, sent back with the reason: %n</source>
        <translation>
            <numerusform>ditolak, dikembalikan beserta alasannya: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the rows not used</source>
        <translation>Simpan baris yang tidak dipakai</translation>
    </message>
    <message>
        <source>List saved: {file}</source>
        <translation>Daftar disimpan: {file}</translation>
    </message>
</context>
<context>
    <name>KtpPhotoField</name>
    <message>
        <source>Take photo with the camera…</source>
        <translation>Ambil foto dengan kamera…</translation>
    </message>
    <message>
        <source>Choose photo file…</source>
        <translation>Pilih berkas foto…</translation>
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
    <message>
        <source>No camera was found on this laptop. Take the photo with a phone and choose the file with &quot;Choose photo file&quot;, or go on without a photo.</source>
        <translation>Laptop ini tidak punya kamera. Ambil foto dengan HP, lalu pilih berkasnya lewat &quot;Pilih berkas foto&quot;, atau lanjutkan tanpa foto.</translation>
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
        <source>Nationality</source>
        <translation>Kewarganegaraan</translation>
    </message>
    <message>
        <source>Reason for no phone</source>
        <translation>Alasan tidak punya HP</translation>
    </message>
    <message>
        <source>Family member&apos;s phone</source>
        <translation>Nomor HP keluarga</translation>
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
        <source>Branch office</source>
        <translation>Kantor cabang</translation>
    </message>
    <message>
        <source>{clerk} (branch office)</source>
        <translation>{clerk} (kantor cabang)</translation>
    </message>
    <message>
        <source>Shipped figures</source>
        <translation>Angka bawaan aplikasi</translation>
    </message>
    <message>
        <source>Bundle import</source>
        <translation>Impor bundel</translation>
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
        <source>Before importing bundles</source>
        <translation>Sebelum mengimpor bundel</translation>
    </message>
    <message>
        <source>Before removing personal data</source>
        <translation>Sebelum menghapus data pribadi</translation>
    </message>
    <message>
        <source>After removing personal data</source>
        <translation>Setelah menghapus data pribadi</translation>
    </message>
    <message>
        <source>Before a recovery</source>
        <translation>Sebelum pemulihan kata sandi</translation>
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
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Panduan pengguna</translation>
    </message>
    <message>
        <source>The guide, at the part about what is on the screen (F1)</source>
        <translation>Panduan, di bagian tentang layar yang sedang terbuka (F1)</translation>
    </message>
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
        <source>&amp;Register the first worker</source>
        <translation>D&amp;aftarkan pekerja pertama</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>Pu&amp;lihkan</translation>
    </message>
    <message>
        <source>Bring the selected registration back into the list</source>
        <translation>Kembalikan pendaftaran yang dipilih ke daftar</translation>
    </message>
    <message>
        <source>No registrations yet. Start with the first worker: the form asks for their KTP details one step at a time.</source>
        <translation>Belum ada pendaftaran. Mulai dengan pekerja pertama: formulir menanyakan data KTP-nya satu per satu.</translation>
    </message>
    <message>
        <source>No deleted registrations.</source>
        <translation>Tidak ada pendaftaran yang dihapus.</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(belum ada nama)</translation>
    </message>
    <message>
        <source>{name} is saved as a draft and cannot be sent yet. Still missing: {missing}. Open it again to finish.</source>
        <translation>{name} disimpan sebagai draf dan belum bisa dikirim. Yang masih kurang: {missing}. Buka lagi untuk melengkapinya.</translation>
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
        <source>Desa Peduli — {name} · {folder}</source>
        <translation>Desa Peduli — {name} · {folder}</translation>
    </message>
    <message>
        <source>the first {shown} matches: type more to narrow the search</source>
        <translation>{shown} hasil pertama: ketik lebih banyak untuk mempersempit pencarian</translation>
    </message>
    <message>
        <source>%n deleted registration(s)</source>
        <translation>%n pendaftaran dihapus</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} dari {total} ditampilkan</translation>
    </message>
    <message>
        <source>%n registration(s)</source>
        <translation>%n pendaftaran</translation>
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
        <source>Restore registration</source>
        <translation>Pulihkan pendaftaran</translation>
    </message>
    <message>
        <source>Registration restored: it is back in the list.</source>
        <translation>Pendaftaran dipulihkan: sudah kembali ke daftar.</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>Cadangan terakhir: {when}</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Belum ada cadangan</translation>
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
        <source>Forgotten the passphrase? Press F1: the guide says what to do.</source>
        <translation>Lupa kata sandi? Tekan F1: panduan menjelaskan yang harus dilakukan.</translation>
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
        <translation>Lemah. Coba 3–4 kata yang mudah Anda ingat.</translation>
    </message>
    <message>
        <source>Fair. A few more characters or words make it stronger.</source>
        <translation>Cukup. Tambah huruf atau kata agar lebih kuat.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Kuat.</translation>
    </message>
    <message>
        <source>At least {count} characters. Several words are easiest to remember.</source>
        <translation>Minimal {count} karakter. Paling mudah: beberapa kata.</translation>
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
        <source>Write the passphrase down and keep it in a safe place. If it is forgotten, nobody can open the branch office&apos;s data again.</source>
        <translation>Tulis kata sandi ini dan simpan di tempat yang aman. Jika lupa, tidak ada yang bisa membuka data kantor cabang lagi.</translation>
    </message>
    <message>
        <source>Write the passphrase down and keep it in a safe place. If it is forgotten, the branch office can set a new one on this laptop&apos;s data.</source>
        <translation>Tulis kata sandi ini dan simpan di tempat yang aman. Jika lupa, kantor cabang bisa memasang kata sandi baru untuk data di laptop ini.</translation>
    </message>
    <message>
        <source>Write the passphrase down and keep it in a safe place. If it is forgotten before this laptop is enrolled with a branch office, nobody can open the data again; once it is enrolled, the branch office can set a new one.</source>
        <translation>Tulis kata sandi ini dan simpan di tempat yang aman. Jika lupa sebelum laptop ini terhubung dengan kantor cabang, tidak ada yang bisa membuka datanya lagi; setelah terhubung, kantor cabang bisa memasang kata sandi baru.</translation>
    </message>
    <message>
        <source>The data is stored, encrypted, in this folder: {folder}
Backups are made there every hour while Desa Peduli is open (in backups/).</source>
        <translation>Data disimpan terkunci (terenkripsi) di folder ini: {folder}
Cadangan dibuat di sana setiap jam selama Desa Peduli terbuka (di backups/).</translation>
    </message>
    <message>
        <source>Creating your workspace… this takes a few seconds.</source>
        <translation>Menyiapkan ruang kerja Anda… ini butuh beberapa detik.</translation>
    </message>
</context>
<context>
    <name>ReadingDialog</name>
    <message>
        <source>Dana desa and PP 50/2025</source>
        <translation>Dana desa dan PP 50/2025</translation>
    </message>
    <message>
        <source>PP 50/2025 gives no relief to participants paid from the state or regional budget (APBN/APBD). Whether a village budget (APBDes) counts as APBD is not settled: choose the reading the branch follows and write what it rests on. Every bill names the reading it used.</source>
        <translation>PP 50/2025 tidak memberi keringanan kepada peserta yang iurannya dibayar dari APBN/APBD. Apakah dana desa (APBDes) termasuk APBD belum ada ketegasan: pilih tafsiran yang dipakai kantor cabang dan tulis dasarnya. Setiap tagihan menyebut tafsiran yang dipakainya.</translation>
    </message>
    <message>
        <source>&amp;Source or reason:</source>
        <translation>Sumber atau &amp;alasan:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Read the branch office&apos;s receipt</source>
        <translation>Baca tanda terima dari kantor cabang</translation>
    </message>
    <message>
        <source>&amp;Receipts found on the USB sticks:</source>
        <translation>&amp;Tanda terima yang ada di flashdisk:</translation>
    </message>
    <message>
        <source>No receipt found. Plug in the USB stick from the branch office and press Refresh, or choose the file.</source>
        <translation>Tidak ada tanda terima. Colokkan flashdisk dari kantor cabang lalu tekan Muat ulang, atau pilih berkasnya.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Muat &amp;ulang</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>Berkas &amp;lain…</translation>
    </message>
    <message>
        <source>&amp;Read receipt</source>
        <translation>Ba&amp;ca tanda terima</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>USB {name}: {file} ({when})</source>
        <translation>Flashdisk {name}: {file} ({when})</translation>
    </message>
    <message>
        <source>Receipts (*{suffix});;All files (*)</source>
        <translation>Tanda terima (*{suffix});;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>RecoverWorkspaceDialog</name>
    <message>
        <source>Recover a volunteer&apos;s workspace</source>
        <translation>Pulihkan akses ruang kerja relawan</translation>
    </message>
    <message>
        <source>A volunteer who forgot their passphrase brings their laptop (or a copy of its Desa Peduli data folder). Choose that folder and set a new passphrase; nothing else in it changes. A backup is made first.</source>
        <translation>Relawan yang lupa kata sandinya membawa laptopnya (atau salinan folder data Desa Peduli dari laptop itu). Pilih folder itu dan buat kata sandi baru; isi lainnya tidak berubah. Cadangan dibuat lebih dulu.</translation>
    </message>
    <message>
        <source>the volunteer&apos;s data folder</source>
        <translation>folder data relawan</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Pilih…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>Kata sandi ba&amp;ru:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>&amp;Set new passphrase</source>
        <translation>&amp;Simpan kata sandi baru</translation>
    </message>
    <message>
        <source>The volunteer&apos;s data folder</source>
        <translation>Folder data relawan</translation>
    </message>
    <message>
        <source>Choose the volunteer&apos;s data folder first.</source>
        <translation>Pilih dulu folder data relawan.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {count} characters.</source>
        <translation>Kata sandi terlalu pendek: pakai minimal {count} karakter.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Kedua kata sandi tidak sama. Ketik ulang keduanya.</translation>
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
        <translation>mis. 0812 3456 7890</translation>
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
        <source>&amp;Back to the list</source>
        <translation>Kem&amp;bali ke daftar</translation>
    </message>
    <message>
        <source>Everything is saved; back to the list (Esc or Ctrl+S)</source>
        <translation>Semua sudah tersimpan; kembali ke daftar (Esc atau Ctrl+S)</translation>
    </message>
    <message>
        <source>e.g. never had one, phone broken</source>
        <translation>mis. tidak pernah punya, HP rusak</translation>
    </message>
    <message>
        <source>Reas&amp;on</source>
        <translation>Alasan tidak &amp;punya HP</translation>
    </message>
    <message>
        <source>Famil&amp;y member&apos;s phone</source>
        <translation>Nomor HP keluar&amp;ga</translation>
    </message>
    <message>
        <source>Indonesian (WNI)</source>
        <translation>Warga negara Indonesia (WNI)</translation>
    </message>
    <message>
        <source>Foreigner with a KITAP (WNA)</source>
        <translation>Warga negara asing dengan KITAP (WNA)</translation>
    </message>
    <message>
        <source>Na&amp;tionality</source>
        <translation>Ke&amp;warganegaraan</translation>
    </message>
    <message>
        <source>Has no phone</source>
        <translation>Tidak punya HP</translation>
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
        <translation>mis. Pasar Muara Bulian</translation>
    </message>
    <message>
        <source>&amp;Work location</source>
        <translation>&amp;Tempat kerja</translation>
    </message>
    <message>
        <source>e.g. 1.500.000</source>
        <translation>mis. 1.500.000</translation>
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
        <translation>&amp;JHT: Jaminan Hari Tua (tidak wajib, 2% dari dasar iuran)</translation>
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
        <source>Branch office asks to correct</source>
        <translation>Kantor cabang minta diperbaiki</translation>
    </message>
    <message>
        <source>Fix what the branch office asks; it is sent again.</source>
        <translation>Perbaiki yang diminta kantor cabang; pendaftaran akan dikirim lagi.</translation>
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
        <translation>dibayar pekerja {worker}, ditanggung pendana {funder}</translation>
    </message>
    <message>
        <source>paid by the worker {worker}</source>
        <translation>dibayar pekerja {worker}</translation>
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
        <source>The relief ends soon: from {month} the contribution is {total} a month (paid by the worker {worker}).</source>
        <translation>Keringanan iuran segera berakhir: mulai {month} iurannya {total} per bulan (dibayar pekerja {worker}).</translation>
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
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
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
        <translation>Terdaftar di BPJS</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>&lt;b&gt;Contribution for {month}: {total}&lt;/b&gt; ({who})</source>
        <translation>&lt;b&gt;Iuran untuk {month}: {total}&lt;/b&gt; ({who})</translation>
    </message>
    <message>
        <source>Saved automatically {time}</source>
        <translation>Disimpan otomatis pukul {time}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Belum disimpan</translation>
    </message>
    <message>
        <source>&amp;Change anyway</source>
        <translation>Tetap &amp;ubah</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Sal&amp;in</translation>
    </message>
    <message>
        <source>Copy the KPJ number, to paste it elsewhere</source>
        <translation>Salin nomor KPJ untuk ditempel di tempat lain</translation>
    </message>
    <message>
        <source>Registered · KPJ number {number}</source>
        <translation>Terdaftar di BPJS · nomor KPJ {number}</translation>
    </message>
    <message>
        <source>The branch office asks for a correction: {reason}. Fix it here; the registration is then sent again with the next bundle.</source>
        <translation>Kantor cabang minta perbaikan: {reason}. Perbaiki di sini; pendaftaran ini lalu dikirim lagi bersama bundel berikutnya.</translation>
    </message>
    <message>
        <source>This worker is registered at BPJS. Change something only if it is wrong: the registration is then sent to the branch office again, to be checked once more.</source>
        <translation>Pekerja ini sudah Terdaftar di BPJS. Ubah hanya bila ada yang salah: pendaftaran ini lalu dikirim lagi ke kantor cabang untuk diperiksa sekali lagi.</translation>
    </message>
    <message>
        <source>Your changes are sent to the branch office again with the next bundle.</source>
        <translation>Perubahan Anda dikirim lagi ke kantor cabang bersama bundel berikutnya.</translation>
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
        <source>Note</source>
        <translation>Catatan</translation>
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
        <source>KPJ number {number}</source>
        <translation>Nomor KPJ {number}</translation>
    </message>
    <message>
        <source>In the bundle of {date}</source>
        <translation>Di bundel tanggal {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) still missing</source>
        <translation>
            <numerusform>%n isian masih kurang</numerusform>
        </translation>
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
    <name>RegistrationsView</name>
    <message>
        <source>Name or NIK…</source>
        <translation>Nama atau NIK…</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Volunteer:</source>
        <translation>&amp;Relawan:</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>Ter&amp;ima</translation>
    </message>
    <message>
        <source>The registration is complete and correct</source>
        <translation>Pendaftaran lengkap dan benar</translation>
    </message>
    <message>
        <source>Needs c&amp;orrection…</source>
        <translation>Perlu di&amp;perbaiki…</translation>
    </message>
    <message>
        <source>Send it back to the volunteer with a reason</source>
        <translation>Kembalikan ke relawan dengan alasan</translation>
    </message>
    <message>
        <source>Re&amp;gistered (KPJ)…</source>
        <translation>Terdaftar (&amp;KPJ)…</translation>
    </message>
    <message>
        <source>BPJS Ketenagakerjaan registered the worker: record the KPJ number</source>
        <translation>BPJS Ketenagakerjaan sudah mendaftarkan pekerja ini: catat nomor KPJ-nya</translation>
    </message>
    <message>
        <source>&amp;Duplicate of…</source>
        <translation>&amp;Duplikat dari…</translation>
    </message>
    <message>
        <source>The same person was registered twice: keep the other registration</source>
        <translation>Orang yang sama terdaftar dua kali: simpan pendaftaran yang lain</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Possible duplicates to review ({count})</source>
        <translation>Kemungkinan duplikat untuk diperiksa ({count})</translation>
    </message>
    <message>
        <source>All volunteers</source>
        <translation>Semua relawan</translation>
    </message>
    <message>
        <source>The first {shown} matches: type more to narrow the search.</source>
        <translation>{shown} hasil pertama: ketik lebih banyak untuk mempersempit pencarian.</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) shown</source>
        <translation>
            <numerusform>%n pendaftaran ditampilkan</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches the search or the filters.</source>
        <translation>Tidak ada yang cocok dengan pencarian atau pilihan di atas.</translation>
    </message>
    <message>
        <source>No registrations yet. Import the volunteers&apos; bundles (Ctrl+2, Import bundles…).</source>
        <translation>Belum ada pendaftaran. Impor bundel dari relawan (Ctrl+2, Impor bundel…).</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>Change state</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>{name}: {state}</source>
        <translation>{name}: {state}</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Hi&amp;de</source>
        <translation>&amp;Sembunyikan</translation>
    </message>
    <message>
        <source>Hide these reminders until something changes</source>
        <translation>Sembunyikan pengingat ini sampai ada yang berubah</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>%n registration(s) not sent to the branch office for {days} days. Export a bundle and take it to the branch office.</source>
        <translation>%n pendaftaran sudah {days} hari belum dikirim ke kantor cabang. Simpan bundel dan bawa ke kantor cabang.</translation>
    </message>
    <message>
        <source>%n registration(s) have been only on this laptop for {days} days. Ask the branch office for an enrolment file, so you can send them.</source>
        <translation>%n pendaftaran sudah {days} hari hanya ada di laptop ini. Minta berkas penghubung ke kantor cabang agar bisa mengirimnya.</translation>
    </message>
    <message>
        <source>The last receipt is older than your last bundle ({date}): ask the branch office for a new receipt and import it.</source>
        <translation>Tanda terima terakhir lebih lama daripada bundel terakhir Anda ({date}): minta tanda terima baru ke kantor cabang lalu impor.</translation>
    </message>
    <message>
        <source>The last backup was made {days} days ago. Make one now; if it fails, free some space on the disk.</source>
        <translation>Cadangan terakhir dibuat {days} hari lalu. Buat cadangan sekarang; jika gagal, kosongkan ruang di disk.</translation>
    </message>
    <message>
        <source>No backup has been made yet. Make one now.</source>
        <translation>Belum pernah ada cadangan. Buat sekarang.</translation>
    </message>
</context>
<context>
    <name>ReportSave</name>
    <message>
        <source>Counting the coverage figures…</source>
        <translation>Menghitung angka cakupan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Save coverage report</source>
        <translation>Simpan laporan cakupan</translation>
    </message>
    <message>
        <source>Drawing the PDF…</source>
        <translation>Membuat PDF…</translation>
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
    <name>ReviewItemsTableModel</name>
    <message>
        <source>Volunteer&apos;s name</source>
        <translation>Nama relawan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>New laptop</source>
        <translation>Laptop baru</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>Same NIK {nik}: {first} and {second}</source>
        <translation>NIK sama {nik}: {first} dan {second}</translation>
    </message>
</context>
<context>
    <name>ReviewKindsModel</name>
    <message>
        <source>{kind} ({count})</source>
        <translation>{kind} ({count})</translation>
    </message>
</context>
<context>
    <name>ReviewModels</name>
    <message>
        <source>Duplicate NIKs</source>
        <translation>NIK duplikat</translation>
    </message>
    <message>
        <source>Failed validation</source>
        <translation>Gagal validasi</translation>
    </message>
    <message>
        <source>NIK warnings</source>
        <translation>Peringatan NIK</translation>
    </message>
    <message>
        <source>New laptops</source>
        <translation>Laptop baru</translation>
    </message>
    <message>
        <source>Two registrations with the same NIK: compare them and keep one.</source>
        <translation>Dua pendaftaran dengan NIK yang sama: bandingkan, lalu pertahankan satu.</translation>
    </message>
    <message>
        <source>Registrations that failed the checks on import: send them back for correction, or accept them after checking.</source>
        <translation>Pendaftaran yang gagal pemeriksaan saat impor: kembalikan untuk diperbaiki, atau terima setelah diperiksa.</translation>
    </message>
    <message>
        <source>The birth date or sex typed differs from the NIK, or the NIK&apos;s region is unknown: check them against the KTP.</source>
        <translation>Tanggal lahir atau jenis kelamin yang diketik berbeda dengan NIK, atau wilayah NIK tidak dikenal: cocokkan dengan KTP.</translation>
    </message>
    <message>
        <source>A volunteer sent a bundle from another laptop: compare the fingerprint with the volunteer before approving it.</source>
        <translation>Relawan mengirim bundel dari laptop lain: cocokkan kode pencocokannya bersama relawan sebelum menyetujui.</translation>
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
        <source>%n month(s)</source>
        <translation>%n bulan</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>tanda tangan</translation>
    </message>
    <message>
        <source>spoken, witnessed</source>
        <translation>lisan, dengan saksi</translation>
    </message>
    <message>
        <source>paper form</source>
        <translation>formulir kertas</translation>
    </message>
    <message>
        <source>witness: {name}</source>
        <translation>saksi: {name}</translation>
    </message>
    <message>
        <source>form no. {number}</source>
        <translation>formulir no. {number}</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Relawan</translation>
    </message>
    <message>
        <source>Branch state</source>
        <translation>Status di cabang</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Didaftarkan pada</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Terakhir diubah</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisi</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>&amp;Batch accept…</source>
        <translation>Terima &amp;sekaligus…</translation>
    </message>
    <message>
        <source>Accept every clean registration of a bundle, a volunteer or a desa at once</source>
        <translation>Terima sekaligus semua pendaftaran bersih dari satu bundel, satu relawan atau satu desa</translation>
    </message>
    <message>
        <source>Decisions &amp;made…</source>
        <translation>&amp;Riwayat keputusan…</translation>
    </message>
    <message>
        <source>Who decided what, and when: every decision made in this tab</source>
        <translation>Siapa memutuskan apa, dan kapan: semua keputusan yang diambil di tab ini</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Antrean:</translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation>&amp;Daftar:</translation>
    </message>
    <message>
        <source>Keep &amp;left</source>
        <translation>Pertahankan &amp;kiri</translation>
    </message>
    <message>
        <source>Keep &amp;right</source>
        <translation>Pertahankan ka&amp;nan</translation>
    </message>
    <message>
        <source>Different &amp;people: fix the NIK…</source>
        <translation>&amp;Orang berbeda: perbaiki NIK…</translation>
    </message>
    <message>
        <source>Two people share one NIK: send the registration whose NIK was typed wrong back to its volunteer with a reason (the next receipt carries it)</source>
        <translation>Dua orang memakai satu NIK: kembalikan pendaftaran yang NIK-nya salah ketik ke relawannya beserta alasannya (dikirim lewat tanda terima berikutnya)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>Ter&amp;ima</translation>
    </message>
    <message>
        <source>Needs c&amp;orrection…</source>
        <translation>Perlu di&amp;perbaiki…</translation>
    </message>
    <message>
        <source>Send it back to the volunteer with a reason (the next receipt carries it)</source>
        <translation>Kembalikan ke relawan dengan alasan (dikirim bersama tanda terima berikutnya)</translation>
    </message>
    <message>
        <source>Show in the &amp;list</source>
        <translation>Tampilkan di da&amp;ftar</translation>
    </message>
    <message>
        <source>Open the Registrations tab at this registration</source>
        <translation>Buka tab Pendaftaran pada pendaftaran ini</translation>
    </message>
    <message>
        <source>Laptop bound now:</source>
        <translation>Laptop tercatat sekarang:</translation>
    </message>
    <message>
        <source>New laptop:</source>
        <translation>Laptop baru:</translation>
    </message>
    <message>
        <source>Ask the volunteer to read the fingerprint shown on their laptop (Sync → Show fingerprints). Approve only if it is the same; then import the refused bundle again (Ctrl+I).</source>
        <translation>Minta relawan membacakan kode pencocokan yang tampil di laptopnya (Sinkronisasi → Tampilkan kode pencocokan). Setujui hanya jika sama; lalu impor lagi bundel yang ditolak (Ctrl+I).</translation>
    </message>
    <message>
        <source>Approve this &amp;laptop…</source>
        <translation>Setujui &amp;laptop ini…</translation>
    </message>
    <message>
        <source>&amp;Not this volunteer&apos;s laptop…</source>
        <translation>&amp;Bukan laptop relawan ini…</translation>
    </message>
    <message>
        <source>Forget this laptop: its bundles stay refused</source>
        <translation>Lupakan laptop ini: bundelnya tetap ditolak</translation>
    </message>
    <message>
        <source>Review ({count})</source>
        <translation>Pemeriksaan ({count})</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) need a person.</source>
        <translation>
            <numerusform>%n hal perlu ditangani petugas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs a person now.</source>
        <translation>Saat ini tidak ada yang perlu ditangani petugas.</translation>
    </message>
    <message>
        <source>{count} received registration(s) wait to be accepted: Batch accept… takes the clean ones of a bundle, a volunteer or a desa at once.</source>
        <translation>{count} pendaftaran yang sudah masuk menunggu diterima: Terima sekaligus… menerima yang bersih dari satu bundel, satu relawan atau satu desa sekaligus.</translation>
    </message>
    <message>
        <source>No duplicate NIK to decide. When a bundle brings a NIK the branch already holds, both registrations appear here side by side.</source>
        <translation>Tidak ada NIK duplikat yang perlu diputuskan. Jika bundel membawa NIK yang sudah ada di kantor cabang, kedua pendaftaran muncul di sini berdampingan.</translation>
    </message>
    <message>
        <source>No registration failed validation.</source>
        <translation>Tidak ada pendaftaran yang gagal validasi.</translation>
    </message>
    <message>
        <source>No NIK warning to check.</source>
        <translation>Tidak ada peringatan NIK yang perlu diperiksa.</translation>
    </message>
    <message>
        <source>No new laptop is waiting. A bundle from a volunteer&apos;s new laptop is refused on import, and the laptop waits here for approval.</source>
        <translation>Tidak ada laptop baru yang menunggu. Bundel dari laptop baru relawan ditolak saat impor, dan laptop itu menunggu persetujuan di sini.</translation>
    </message>
    <message>
        <source>The whole queue is empty. What needs a person in the next bundles (Ctrl+I) appears here.</source>
        <translation>Seluruh antrean kosong. Yang perlu ditangani petugas dari bundel berikutnya (Ctrl+I) akan muncul di sini.</translation>
    </message>
    <message>
        <source>Left: {volunteer}</source>
        <translation>Kiri: {volunteer}</translation>
    </message>
    <message>
        <source>Right: {volunteer}</source>
        <translation>Kanan: {volunteer}</translation>
    </message>
    <message>
        <source>NIK {nik} was registered twice: on the left by {left}, on the right by {right}. {differences} Keep the registration that is right: the other is marked a duplicate of it, and its volunteer learns it from the next receipt.</source>
        <translation>NIK {nik} didaftarkan dua kali: di kiri oleh {left}, di kanan oleh {right}. {differences} Pertahankan pendaftaran yang benar: yang lain ditandai sebagai duplikatnya, dan relawannya mengetahuinya dari tanda terima berikutnya.</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) differ (highlighted).</source>
        <translation>
            <numerusform>%n isian berbeda (ditandai warna).</numerusform>
        </translation>
    </message>
    <message>
        <source>Every field is the same.</source>
        <translation>Semua isian sama.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>Keep {name} ({volunteer}); mark the right one a duplicate</source>
        <translation>Pertahankan {name} ({volunteer}); tandai yang kanan sebagai duplikat</translation>
    </message>
    <message>
        <source>Keep {name} ({volunteer}); mark the left one a duplicate</source>
        <translation>Pertahankan {name} ({volunteer}); tandai yang kiri sebagai duplikat</translation>
    </message>
    <message>
        <source>{volunteer} ({state}, {when})</source>
        <translation>{volunteer} ({state}, {when})</translation>
    </message>
    <message>
        <source>Keep one registration</source>
        <translation>Pertahankan satu pendaftaran</translation>
    </message>
    <message>
        <source>The other registration is already registered with BPJS Ketenagakerjaan (KPJ {kpj}). Mark it a duplicate anyway?</source>
        <translation>Pendaftaran yang lain sudah terdaftar di BPJS Ketenagakerjaan (KPJ {kpj}). Tetap tandai sebagai duplikat?</translation>
    </message>
    <message>
        <source>&amp;Mark duplicate</source>
        <translation>&amp;Tandai duplikat</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>{name} ({volunteer}) marked a duplicate of the registration by {kept}</source>
        <translation>{name} ({volunteer}) ditandai sebagai duplikat dari pendaftaran oleh {kept}</translation>
    </message>
    <message>
        <source>{side}: {name} · sent by {volunteer}</source>
        <translation>{side}: {name} · dikirim oleh {volunteer}</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Kiri</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Kanan</translation>
    </message>
    <message>
        <source>Different people, one NIK</source>
        <translation>Orang berbeda, NIK sama</translation>
    </message>
    <message>
        <source>{name} ({volunteer}) sent back to fix the NIK</source>
        <translation>{name} ({volunteer}) dikembalikan untuk perbaikan NIK</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>{name} · NIK {nik} · sent by {volunteer} · {village}</source>
        <translation>{name} · NIK {nik} · dikirim oleh {volunteer} · {village}</translation>
    </message>
    <message>
        <source>Problems found on import:</source>
        <translation>Masalah yang ditemukan saat impor:</translation>
    </message>
    <message>
        <source>To check against the KTP:</source>
        <translation>Perlu dicocokkan dengan KTP:</translation>
    </message>
    <message>
        <source>&amp;Accept: the KTP was checked</source>
        <translation>Ter&amp;ima: KTP sudah diperiksa</translation>
    </message>
    <message>
        <source>The NIK and the KTP agree with what was typed: accept the registration</source>
        <translation>NIK dan KTP cocok dengan yang diketik: terima pendaftaran ini</translation>
    </message>
    <message>
        <source>&amp;Accept anyway</source>
        <translation>Tetap ter&amp;ima</translation>
    </message>
    <message>
        <source>Accept although the checks failed (for example a rule that changed)</source>
        <translation>Terima walaupun gagal pemeriksaan (misalnya karena aturannya berubah)</translation>
    </message>
    <message>
        <source>Change state</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>{name}: {state}</source>
        <translation>{name}: {state}</translation>
    </message>
    <message>
        <source>Volunteer {id} ({name}) sent a bundle from a laptop other than the one bound to them ({when}). It was refused; nothing from it was imported.</source>
        <translation>Relawan {id} ({name}) mengirim bundel dari laptop selain laptop yang tercatat untuknya ({when}). Bundel itu ditolak; tidak ada isinya yang diimpor.</translation>
    </message>
    <message>
        <source>Volunteer {id} ({name}) sent a bundle from a laptop not yet confirmed for them ({when}): it does not prove their enrolment file. It was refused; nothing from it was imported.</source>
        <translation>Relawan {id} ({name}) mengirim bundel dari laptop yang belum dikonfirmasi untuknya ({when}): bundelnya tidak membuktikan bahwa laptop itu dihubungkan dengan berkas penghubung relawan ini. Bundel itu ditolak; tidak ada isinya yang diimpor.</translation>
    </message>
    <message>
        <source>Approve the laptop with fingerprint
{fingerprint}
for volunteer {id}? Only if the volunteer reads the same fingerprint on it: anyone who knows the volunteer&apos;s id can send a bundle in their name.</source>
        <translation>Setujui laptop dengan kode pencocokan
{fingerprint}
untuk relawan {id}? Hanya jika relawan membacakan kode pencocokan yang sama dari laptop itu: siapa pun yang tahu ID relawan dapat mengirim bundel atas namanya.</translation>
    </message>
    <message>
        <source>Approve this laptop</source>
        <translation>Setujui laptop ini</translation>
    </message>
    <message>
        <source>Approve the laptop with fingerprint
{fingerprint}
for volunteer {id}? Only if the volunteer reads the same fingerprint on it. Their old laptop&apos;s bundles are refused from then on.</source>
        <translation>Setujui laptop dengan kode pencocokan
{fingerprint}
untuk relawan {id}? Hanya jika relawan membacakan kode pencocokan yang sama dari laptop itu. Sesudah itu, bundel dari laptop lamanya ditolak.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Setujui</translation>
    </message>
    <message>
        <source>Laptop of {id} approved. Import the refused bundle again (Ctrl+I).</source>
        <translation>Laptop {id} disetujui. Impor lagi bundel yang ditolak (Ctrl+I).</translation>
    </message>
    <message>
        <source>Not this volunteer&apos;s laptop</source>
        <translation>Bukan laptop relawan ini</translation>
    </message>
    <message>
        <source>Forget the laptop with fingerprint
{fingerprint}
that sent a bundle in the name of volunteer {id}? Bundles from it stay refused.</source>
        <translation>Lupakan laptop dengan kode pencocokan
{fingerprint}
yang mengirim bundel atas nama relawan {id}? Bundel dari laptop itu tetap ditolak.</translation>
    </message>
    <message>
        <source>&amp;Forget it</source>
        <translation>&amp;Lupakan</translation>
    </message>
    <message>
        <source>The new laptop of {id} was forgotten.</source>
        <translation>Laptop baru {id} sudah dilupakan.</translation>
    </message>
    <message>
        <source>{count} registration(s) of {scope} accepted (batch {batch}).</source>
        <translation>{count} pendaftaran dari {scope} diterima (kelompok {batch}).</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature box</source>
        <translation>Kotak tanda tangan</translation>
    </message>
    <message>
        <source>Sign with the touchpad or the mouse. With the keyboard: Space puts the pen down or lifts it, the arrow keys move it (with Shift in small steps).</source>
        <translation>Tanda tangani dengan touchpad atau mouse. Dengan keyboard: Spasi menurunkan atau mengangkat pena, tombol panah menggerakkannya (dengan Shift per langkah kecil).</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Ulangi tanda tangan</translation>
    </message>
    <message>
        <source>Erase the signature and sign again</source>
        <translation>Hapus tanda tangan lalu ulangi</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>%n not sent</source>
        <translation>%n belum dikirim</translation>
    </message>
    <message>
        <source>not enrolled yet</source>
        <translation>belum terhubung ke kantor cabang</translation>
    </message>
    <message>
        <source>%n waiting for the receipt</source>
        <translation>%n menunggu tanda terima</translation>
    </message>
    <message>
        <source>last bundle {when}</source>
        <translation>bundel terakhir {when}</translation>
    </message>
    <message>
        <source>no bundle yet</source>
        <translation>belum ada bundel</translation>
    </message>
    <message>
        <source>Send to USB stick</source>
        <translation>Kirim ke flashdisk</translation>
    </message>
    <message>
        <source>Read receipt</source>
        <translation>Baca tanda terima</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Could not write to {folder}: the USB stick may have been pulled out, or it is full or write-protected. Plug it in again and retry; nothing was lost, the registrations are still on this laptop.</source>
        <translation>Tidak bisa menulis ke {folder}: flashdisk mungkin tercabut, penuh, atau dikunci dari penulisan. Pasang lagi lalu coba ulang; tidak ada yang hilang, pendaftaran masih ada di laptop ini.</translation>
    </message>
    <message>
        <source>This laptop:</source>
        <translation>Laptop ini:</translation>
    </message>
    <message>
        <source>Branch office ({name}):</source>
        <translation>Kantor cabang ({name}):</translation>
    </message>
    <message>
        <source>%n registration(s) not sent yet</source>
        <translation>%n pendaftaran belum dikirim</translation>
    </message>
    <message>
        <source>not enrolled with a branch office yet</source>
        <translation>belum terhubung dengan kantor cabang</translation>
    </message>
    <message>
        <source>%n awaiting the receipt</source>
        <translation>%n menunggu tanda terima</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>last bundle: {when}</source>
        <translation>bundel terakhir: {when}</translation>
    </message>
    <message>
        <source>last receipt: {when}</source>
        <translation>tanda terima terakhir: {when}</translation>
    </message>
</context>
<context>
    <name>TargetChooser</name>
    <message>
        <source>Choose a folder</source>
        <translation>Pilih folder</translation>
    </message>
    <message>
        <source>No USB stick found. Plug one in and press Refresh, or choose another folder.</source>
        <translation>Tidak ada flashdisk. Pasang flashdisk lalu tekan Muat ulang, atau pilih folder lain.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Muat &amp;ulang</translation>
    </message>
    <message>
        <source>O&amp;ther folder…</source>
        <translation>Folder &amp;lain…</translation>
    </message>
    <message>
        <source>USB: {name} ({free})</source>
        <translation>Flashdisk: {name} ({free})</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
</context>
<context>
    <name>TextSizeMenu</name>
    <message>
        <source>&amp;Text size</source>
        <translation>Ukuran &amp;teks</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
</context>
<context>
    <name>VolunteerActivityTableModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Regis-
trations</source>
        <translation>Pendaf-
taran</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Bundel terakhir</translation>
    </message>
    <message>
        <source>Open
corrections</source>
        <translation>Belum
diperbaiki</translation>
    </message>
    <message>
        <source>Needs a visit</source>
        <translation>Perlu dikunjungi</translation>
    </message>
    <message>
        <source>Registrations made in the week starting {date}</source>
        <translation>Pendaftaran dalam minggu yang dimulai {date}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
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
    <name>VolunteerSync</name>
    <message>
        <source>&amp;Export bundle…</source>
        <translation>Simpan &amp;bundel…</translation>
    </message>
    <message>
        <source>Write the new registrations to a USB stick for the branch office (Ctrl+Shift+E)</source>
        <translation>Tulis pendaftaran baru ke flashdisk untuk kantor cabang (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>&amp;Import receipt…</source>
        <translation>&amp;Impor tanda terima…</translation>
    </message>
    <message>
        <source>Apply the receipt the branch office sent back (Ctrl+Shift+R)</source>
        <translation>Terapkan tanda terima yang dikirim balik oleh kantor cabang (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>E&amp;nrol this laptop…</source>
        <translation>&amp;Hubungkan laptop ini…</translation>
    </message>
    <message>
        <source>Connect this laptop to the branch office with its enrolment file</source>
        <translation>Hubungkan laptop ini dengan kantor cabang memakai berkas penghubung dari sana</translation>
    </message>
    <message>
        <source>Show &amp;fingerprints</source>
        <translation>Tampilkan kode &amp;pencocokan</translation>
    </message>
    <message>
        <source>This laptop&apos;s and the branch office&apos;s fingerprints, to read aloud</source>
        <translation>Kode pencocokan laptop ini dan kantor cabang, untuk dibacakan</translation>
    </message>
    <message>
        <source>&amp;Remove registered personal data…</source>
        <translation>&amp;Hapus data pribadi yang sudah terdaftar di BPJS…</translation>
    </message>
    <message>
        <source>Remove NIK, names and addresses of registrations the branch office has registered</source>
        <translation>Hapus NIK, nama dan alamat dari pendaftaran yang sudah terdaftar di BPJS</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>&amp;Sinkronisasi</translation>
    </message>
    <message>
        <source>Import receipt</source>
        <translation>Impor tanda terima</translation>
    </message>
    <message>
        <source>Receipt applied</source>
        <translation>Tanda terima diterapkan</translation>
    </message>
    <message>
        <source>The branch office&apos;s receipt was applied.</source>
        <translation>Tanda terima dari kantor cabang sudah diterapkan.</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) changed status:</source>
        <translation>
            <numerusform>Status %n pendaftaran berubah:</numerusform>
        </translation>
    </message>
    <message>
        <source>• need correction: {count}</source>
        <translation>• perlu diperbaiki: {count}</translation>
    </message>
    <message>
        <source>• registered (with KPJ number): {count}</source>
        <translation>• terdaftar di BPJS (dengan nomor KPJ): {count}</translation>
    </message>
    <message>
        <source>• accepted: {count}</source>
        <translation>• diterima: {count}</translation>
    </message>
    <message>
        <source>• duplicates: {count}</source>
        <translation>• duplikat: {count}</translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) not yet received by the branch office: they go with the next bundle.</source>
        <translation>
            <numerusform>%n pendaftaran belum sampai di kantor cabang: pendaftaran itu ikut bundel berikutnya.</numerusform>
        </translation>
    </message>
    <message>
        <source>The branch office has received everything sent so far.</source>
        <translation>Kantor cabang sudah menerima semua yang dikirim sejauh ini.</translation>
    </message>
    <message>
        <source>New rate table in use: version {version}.</source>
        <translation>Tabel iuran baru dipakai: versi {version}.</translation>
    </message>
    <message>
        <source>New occupation list in use (the form offers the new occupations).</source>
        <translation>Daftar pekerjaan baru dipakai (formulir kini menawarkan pekerjaan yang baru).</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Registrations marked &quot;needs correction&quot; show the branch office&apos;s reason in the list&apos;s Note column and at the top of the form.</source>
        <translation>Untuk pendaftaran yang &quot;perlu diperbaiki&quot;, alasan dari kantor cabang tampil di kolom Catatan pada daftar dan di bagian atas formulir.</translation>
    </message>
    <message>
        <source>Enrolment file from the branch office</source>
        <translation>Berkas penghubung dari kantor cabang</translation>
    </message>
    <message>
        <source>Enrolment files (*{suffix});;All files (*)</source>
        <translation>Berkas penghubung (*{suffix});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Enrol this laptop</source>
        <translation>Hubungkan laptop ini</translation>
    </message>
    <message>
        <source>Enrol this laptop with {branch} as volunteer {id} ({name})?

Branch office fingerprint: {fingerprint}
Compare it with the fingerprint the branch office reads out to you.</source>
        <translation>Hubungkan laptop ini dengan {branch} sebagai relawan {id} ({name})?

Kode pencocokan kantor cabang: {fingerprint}
Bandingkan dengan kode pencocokan yang dibacakan kantor cabang kepada Anda.</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Hubungkan</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation>Kode pencocokan</translation>
    </message>
    <message>
        <source>Read these aloud with the branch office staff: they must see the same fingerprints on their screen. If they differ, do not send bundles; call the branch office.</source>
        <translation>Bacakan keempat kelompok huruf dan angka ini bersama petugas kantor cabang: di layar mereka harus tampil kode pencocokan yang sama, kelompok demi kelompok. Jika berbeda, jangan kirim bundel; hubungi kantor cabang.</translation>
    </message>
    <message>
        <source>This laptop is now enrolled.</source>
        <translation>Laptop ini sekarang sudah terhubung dengan kantor cabang.</translation>
    </message>
    <message>
        <source>Remove registered personal data</source>
        <translation>Hapus data pribadi yang sudah terdaftar di BPJS</translation>
    </message>
    <message>
        <source>Nothing to remove. Personal data is removed only from registrations the branch office has registered (with a KPJ number) and confirmed, {days} days after.</source>
        <translation>Tidak ada yang perlu dihapus. Data pribadi hanya dihapus dari pendaftaran yang sudah terdaftar di BPJS (dengan nomor KPJ) dan tercatat di tanda terima, {days} hari sesudahnya.</translation>
    </message>
    <message numerus="yes">
        <source>Remove the personal data (NIK, name, address, phone, heirs, signature) of %n registration(s) the branch office has registered?

They stay in the list with their village, status and KPJ number. This cannot be undone on this laptop; the branch office keeps the full record.</source>
        <translation>
            <numerusform>Hapus data pribadi (NIK, nama, alamat, nomor HP, ahli waris, tanda tangan) dari %n pendaftaran yang sudah didaftarkan kantor cabang?

Pendaftaran itu tetap ada di daftar dengan desa, status dan nomor KPJ-nya. Ini tidak bisa dibatalkan di laptop ini; kantor cabang menyimpan data lengkapnya.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message numerus="yes">
        <source>The personal data of %n registration(s) was removed from this laptop.</source>
        <translation>
            <numerusform>Data pribadi %n pendaftaran sudah dihapus dari laptop ini.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VolunteersView</name>
    <message>
        <source>&amp;Enrol volunteer…</source>
        <translation>&amp;Tambah relawan…</translation>
    </message>
    <message>
        <source>Record a volunteer and write their enrolment file for their laptop</source>
        <translation>Catat relawan dan tulis berkas penghubung untuk laptopnya</translation>
    </message>
    <message>
        <source>Write &amp;receipt…</source>
        <translation>Tulis &amp;tanda terima…</translation>
    </message>
    <message>
        <source>Write the receipt for the selected volunteer: states, reasons, KPJ numbers</source>
        <translation>Tulis tanda terima untuk relawan yang dipilih: status, alasan, nomor KPJ</translation>
    </message>
    <message>
        <source>Re&amp;cover a workspace…</source>
        <translation>&amp;Pulihkan akses ruang kerja…</translation>
    </message>
    <message>
        <source>Set a new passphrase on a volunteer&apos;s workspace whose passphrase was forgotten</source>
        <translation>Pasang kata sandi baru pada ruang kerja relawan yang lupa kata sandinya</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Laptop fingerprint</source>
        <translation>Kode pencocokan laptop</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <source>Acknowledged up to</source>
        <translation>Tanda terima s.d. perubahan ke-</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Bundel terakhir</translation>
    </message>
    <message>
        <source>Last receipt</source>
        <translation>Tanda terima terakhir</translation>
    </message>
    <message>
        <source>Open corrections</source>
        <translation>Belum diperbaiki</translation>
    </message>
    <message>
        <source>No volunteer is enrolled yet. Press Enrol volunteer… to write the first enrolment file.</source>
        <translation>Belum ada relawan yang dicatat. Tekan Tambah relawan… untuk menulis berkas penghubung pertama.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>no bundle yet</source>
        <translation>belum ada bundel</translation>
    </message>
    <message>
        <source>Enrol a volunteer</source>
        <translation>Tambah relawan</translation>
    </message>
    <message>
        <source>Enrolment file written: {file}
in {folder}

Give it to the volunteer. When their laptop is enrolled, read the fingerprints aloud together; the branch office&apos;s is {fingerprint}.</source>
        <translation>Berkas penghubung sudah ditulis: {file}
di {folder}

Berikan kepada relawan. Setelah laptopnya terhubung, bacakan kode pencocokan bersama-sama; kode pencocokan kantor cabang adalah {fingerprint}.</translation>
    </message>
    <message>
        <source>Write receipt</source>
        <translation>Tulis tanda terima</translation>
    </message>
    <message>
        <source>Receipt written: {file}
in {folder}

The volunteer imports it on their laptop (Sync → Import receipt…).</source>
        <translation>Tanda terima sudah ditulis: {file}
di {folder}

Relawan mengimpornya di laptopnya (Sinkronisasi → Impor tanda terima…).</translation>
    </message>
    <message>
        <source>Recover a volunteer&apos;s workspace</source>
        <translation>Pulihkan akses ruang kerja relawan</translation>
    </message>
    <message>
        <source>A new passphrase is set for the workspace of volunteer {id}. The volunteer opens it with the new passphrase.</source>
        <translation>Kata sandi baru sudah dipasang untuk ruang kerja relawan {id}. Relawan membukanya dengan kata sandi baru itu.</translation>
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
        <source>Who uses Desa Peduli on this laptop?</source>
        <translation>Siapa yang memakai Desa Peduli di laptop ini?</translation>
    </message>
    <message>
        <source>A &amp;volunteer (relawan) who registers workers</source>
        <translation>&amp;Relawan yang mendaftarkan pekerja</translation>
    </message>
    <message>
        <source>The bra&amp;nch office (kantor cabang) that receives the volunteers&apos; bundles</source>
        <translation>&amp;Kantor cabang yang menerima bundel dari relawan</translation>
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
        <translation>Dengan berkas peng&amp;hubung dari kantor cabang</translation>
    </message>
    <message>
        <source>No enrolment file yet? Start on your own: you can register workers today. When the branch office gives you the file (on a USB stick), choose Sync → Enrol this laptop; every registration made before is kept and sent.</source>
        <translation>Belum punya berkas penghubung? Mulailah sendiri: Anda bisa mendaftarkan pekerja hari ini. Saat kantor cabang memberi berkasnya (di flashdisk), pilih Sinkronisasi → Hubungkan laptop ini; semua pendaftaran yang sudah dibuat tetap ada dan ikut dikirim.</translation>
    </message>
    <message>
        <source>Press F1 at any time to open the user guide.</source>
        <translation>Tekan F1 kapan saja untuk membuka panduan pengguna.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <source>Backup saved: {file}</source>
        <translation>Cadangan disimpan: {file}</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Buat cadangan sekarang</translation>
    </message>
    <message>
        <source>The automatic backup failed; it is tried again later.</source>
        <translation>Pencadangan otomatis gagal; nanti dicoba lagi.</translation>
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
</context>
<context>
    <name>WriteReceiptDialog</name>
    <message>
        <source>Write receipt</source>
        <translation>Tulis tanda terima</translation>
    </message>
    <message>
        <source>The receipt for {name} ({id}) tells their laptop what the branch office has received, and the state of each registration: {count} need correction.</source>
        <translation>Tanda terima untuk {name} ({id}) memberi tahu laptopnya apa saja yang sudah diterima kantor cabang, dan status setiap pendaftaran: {count} perlu diperbaiki.</translation>
    </message>
    <message>
        <source>&amp;Save the receipt to:</source>
        <translation>&amp;Simpan tanda terima ke:</translation>
    </message>
    <message>
        <source>Folder for the receipt</source>
        <translation>Folder untuk tanda terima</translation>
    </message>
    <message>
        <source>&amp;Write receipt</source>
        <translation>&amp;Tulis tanda terima</translation>
    </message>
    <message>
        <source>Choose where to save the receipt.</source>
        <translation>Pilih tempat menyimpan tanda terima.</translation>
    </message>
</context>
</TS>
