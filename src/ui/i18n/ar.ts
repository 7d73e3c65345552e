// Arabic, written right to left: the dialog sets dir="rtl" and mirrors. Register it with `translations: { ar }`.
import type { Dictionary } from './en.js'

const ar: Dictionary = {
  banner: {
    title: "خصوصيتك تهمّنا",
    description: "نستخدم ملفات تعريف الارتباط لتشغيل هذا الموقع، وبموافقتك لقياسه وتحسينه ولعرض إعلانات ملائمة.",
    notice: "نستخدم نحن وشركاؤنا ملفات تعريف الارتباط لتشغيل هذا الموقع وقياسه وعرض إعلانات ملائمة. يمكنك رفض بيع معلوماتك الشخصية أو مشاركتها.",
    acceptAll: "قبول الكل",
    rejectAll: "رفض الكل",
    preferences: "التفضيلات",
    privacyPolicy: "سياسة الخصوصية"
  },
  preferences: {
    title: "تفضيلات ملفات تعريف الارتباط",
    description: "اختر ملفات تعريف الارتباط التي نستخدمها. يمكنك تغيير اختيارك في أي وقت.",
    acceptAll: "قبول الكل",
    rejectAll: "رفض الكل",
    save: "حفظ الاختيارات",
    close: "إغلاق",
    saved: "تم حفظ التفضيلات",
    alwaysOn: "مفعّلة دائمًا",
    details: "الخدمات وملفات تعريف الارتباط",
    cookies: "ملفات تعريف الارتباط",
    name: "الاسم",
    provider: "المزوّد",
    purpose: "الغرض",
    duration: "المدة",
    party: "النوع",
    firstParty: "الطرف الأول",
    thirdParty: "طرف ثالث",
    gpc: "احترمنا إشارة إلغاء الاشتراك (Global Privacy Control) الصادرة من متصفحك: لا نبيع معلوماتك الشخصية ولا نشاركها.",
    doNotSell: "لا تبيعوا معلوماتي الشخصية ولا تشاركوها",
    consentId: "معرّف موافقتك: {id}",
    receipt: "عرض إيصال موافقتك"
  },
  categories: {
    necessary: { label: "ضرورية", description: "لازمة لعمل الموقع وأمانه ولتذكّر اختياراتك." },
    functional: { label: "وظيفية", description: "تتذكّر إعداداتك مثل اللغة وتتيح ميزات إضافية." },
    performance: { label: "الأداء", description: "تقيس كيفية استخدام الموقع لنتمكّن من تحسينه." },
    marketing: { label: "التسويق", description: "تتيح لنا ولشركائنا عرض إعلانات ملائمة وقياسها." }
  },
  placeholder: {
    text: "المحتوى من {service} ({category}) محجوب حتى تسمح به.",
    load: "تحميل هذا المحتوى",
    preferences: "التفضيلات"
  }
}

export default ar
