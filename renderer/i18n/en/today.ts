export const today = {
  title: 'Today',
  emptyTitle: 'Welcome to Kenal',
  emptyDescription:
    'Start with your customers: add the first one, and Kenal will remember who they are, what they bought and what you promised.',
  contactsInBook: 'Contacts in your book',
  openContacts: 'Open contacts',
  soonTitle: 'Your day at a glance',
  soonDescription:
    'Follow-ups due, birthdays this week, customers gone quiet and open complaints will appear here.',
};
