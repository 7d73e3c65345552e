// Hebrew, written right to left: the dialog sets dir="rtl" and mirrors. Register it with `translations: { he }`.
import type { Dictionary } from './en.js'

const he: Dictionary = {
  banner: {
    title: "הפרטיות שלך חשובה לנו",
    description: "אנו משתמשים בעוגיות כדי להפעיל את האתר, ובהסכמתך גם כדי למדוד ולשפר אותו ולהציג מודעות רלוונטיות.",
    notice: "אנו והשותפים שלנו משתמשים בעוגיות כדי להפעיל את האתר, למדוד אותו ולהציג מודעות רלוונטיות. ניתן לבקש שלא נמכור או נשתף את המידע האישי שלך.",
    acceptAll: "אישור הכול",
    rejectAll: "דחיית הכול",
    preferences: "העדפות",
    privacyPolicy: "מדיניות הפרטיות"
  },
  preferences: {
    title: "העדפות עוגיות",
    description: "בחרו באילו עוגיות נוכל להשתמש. אפשר לשנות את הבחירה בכל עת.",
    acceptAll: "אישור הכול",
    rejectAll: "דחיית הכול",
    save: "שמירת הבחירות",
    close: "סגירה",
    saved: "ההעדפות נשמרו",
    alwaysOn: "פעיל תמיד",
    details: "שירותים ועוגיות",
    cookies: "עוגיות",
    name: "שם",
    provider: "ספק",
    purpose: "מטרה",
    duration: "משך",
    party: "סוג",
    firstParty: "צד ראשון",
    thirdParty: "צד שלישי",
    gpc: "כיבדנו את אות הביטול (Global Privacy Control) שנשלח מהדפדפן שלך: איננו מוכרים או משתפים את המידע האישי שלך.",
    doNotSell: "אל תמכרו ואל תשתפו את המידע האישי שלי",
    consentId: "מזהה ההסכמה שלך: {id}",
    receipt: "הצגת אישור ההסכמה שלך"
  },
  categories: {
    necessary: { label: "הכרחיות", description: "דרושות לפעולת האתר, לאבטחתו ולזכירת הבחירות שלך." },
    functional: { label: "פונקציונליות", description: "זוכרות הגדרות כמו שפה ומאפשרות תכונות נוספות." },
    performance: { label: "ביצועים", description: "מודדות את השימוש באתר כדי שנוכל לשפר אותו." },
    marketing: { label: "שיווק", description: "מאפשרות לנו ולשותפים שלנו להציג מודעות רלוונטיות ולמדוד אותן." }
  },
  placeholder: {
    text: "התוכן של {service} ({category}) חסום עד שתאשרו אותו.",
    load: "טעינת התוכן",
    preferences: "העדפות"
  }
}

export default he
