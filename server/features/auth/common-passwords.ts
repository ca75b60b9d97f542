/**
 * Passwords of 10+ characters that appear near the top of every leaked-password ranking, plus local
 * favourites (Turkish football clubs and years). Compared lower-cased.
 */
const LIST = `
1234567890 0123456789 0987654321 1234554321 1122334455 1234512345 1111122222 1231231234 1212121212
12345678910 123456789a a123456789 123456789q q123456789 123456789z 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4t5
1qaz2wsx3edc qwertyuiop qwerty1234 qwerty12345 qwerty123456 asdfghjkl1 asdfghjkl; zxcvbnm123 zaq12wsx
zaq1zaq1zaq1 1qazxsw23edc password12 password123 password1234 password12345 password!1 passw0rd123
p@ssw0rd123 p@ssword123 passwordpassword mypassword mypassword1 secretpassword iloveyou12 iloveyou123
iloveyou1234 welcome123 welcome1234 welcome2024 welcome2025 welcome2026 letmein123 letmein1234
sunshine12 sunshine123 football12 football123 baseball123 basketball basketball1 monkey12345
dragon12345 princess12 princess123 starwars123 superman123 batman12345 michael123 jennifer123 charlie123
administrator admin12345 admin123456 adminadmin administrator1 rootroot12 changeme123 changeme12
computer12 computer123 internet123 trustno1234 whatever123 chocolate1 chocolate12 butterfly1 butterfly12
liverpool1 liverpool12 manchester manchester1 chelsea123 arsenal123 barcelona1 realmadrid realmadrid1
spine12345 spinespine company123 company2026 summer2024 summer2025 summer2026 winter2025 winter2026
spring2026 autumn2026 january2026 november2026 december2025 qazwsxedc1 qazwsxedcrfv abcdefghij
abcdefghijk abcd123456 abc1234567 abcdefg123 abcde12345 aaaaaaaaaa aaaaaa1111 asdasdasd1 asdfasdf12
galatasaray galatasaray1 galatasaray1905 cimbom1905 fenerbahce fenerbahce1 fenerbahce1907 besiktas1903
besiktas123 trabzonspor trabzonspor1 sifre12345 sifre123456 parola1234 parola12345 turkiye123 istanbul34
istanbul123 ankara1234 ankara06 izmir35123 seniseviyorum askim12345 merhaba123 bilgisayar
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((word) => word.length >= 10));
